//! A planning hint for the embedded store: OPTIONAL parts made of triple patterns are evaluated row by row.
//!
//! Oxigraph's planner joins an `OPTIONAL { ?m org:organization/schema:name ?o }` by building a hash table of the
//! optional part over the whole store, unless its cost model guesses the left side small, and the guess misses on
//! the saved queries: on a 45,000-article store `people-with-role -p role=envoy` (131 rows) spent 26 s hashing
//! 47,121 organisation names. Evaluating the optional part once per row instead, with the row's values in place
//! (SPARQL's `LATERAL`, SEP-0006, which Oxigraph implements), looks up a few index entries per row: 0.15 s.
//!
//! The rewrite keeps the results exactly: for a right side of triple patterns and property paths (possibly in a
//! `GRAPH`), with no filter, `LeftJoin(L, R)` and `Lateral(L, LeftJoin({}, R))` give the same solutions, because
//! putting a row's values into triple patterns selects exactly the solutions compatible with it. Other OPTIONALs
//! (with FILTER, subqueries, unions...) are left to the planner. The saved queries stay standard SPARQL 1.1 for
//! other stores; only newskg's own evaluation is rewritten.

use spargebra::algebra::GraphPattern;
use spargebra::Query;

/// `query` with each simple OPTIONAL (see the module documentation) evaluated row by row.
pub fn lateral_optionals(query: Query) -> Query {
    match query {
        Query::Select { dataset, pattern, base_iri } => Query::Select { dataset, pattern: rewrite(pattern), base_iri },
        Query::Construct { template, dataset, pattern, base_iri } => {
            Query::Construct { template, dataset, pattern: rewrite(pattern), base_iri }
        }
        Query::Describe { dataset, pattern, base_iri } => {
            Query::Describe { dataset, pattern: rewrite(pattern), base_iri }
        }
        Query::Ask { dataset, pattern, base_iri } => Query::Ask { dataset, pattern: rewrite(pattern), base_iri },
    }
}

/// Triple patterns and paths only, joined, possibly in a GRAPH.
fn is_simple(pattern: &GraphPattern) -> bool {
    match pattern {
        GraphPattern::Bgp { .. } | GraphPattern::Path { .. } => true,
        GraphPattern::Join { left, right } => is_simple(left) && is_simple(right),
        GraphPattern::Graph { inner, .. } => is_simple(inner),
        _ => false,
    }
}

fn rewrite(pattern: GraphPattern) -> GraphPattern {
    let b = |p: Box<GraphPattern>| Box::new(rewrite(*p));
    match pattern {
        GraphPattern::LeftJoin { left, right, expression: None } if is_simple(&right) => GraphPattern::Lateral {
            left: b(left),
            right: Box::new(GraphPattern::LeftJoin {
                left: Box::new(GraphPattern::Bgp { patterns: Vec::new() }),
                right,
                expression: None,
            }),
        },
        GraphPattern::LeftJoin { left, right, expression } => {
            GraphPattern::LeftJoin { left: b(left), right: b(right), expression }
        }
        GraphPattern::Join { left, right } => GraphPattern::Join { left: b(left), right: b(right) },
        GraphPattern::Lateral { left, right } => GraphPattern::Lateral { left: b(left), right: b(right) },
        GraphPattern::Union { left, right } => GraphPattern::Union { left: b(left), right: b(right) },
        GraphPattern::Minus { left, right } => GraphPattern::Minus { left: b(left), right: b(right) },
        GraphPattern::Filter { expr, inner } => GraphPattern::Filter { expr, inner: b(inner) },
        GraphPattern::Graph { name, inner } => GraphPattern::Graph { name, inner: b(inner) },
        GraphPattern::Extend { inner, variable, expression } => {
            GraphPattern::Extend { inner: b(inner), variable, expression }
        }
        GraphPattern::OrderBy { inner, expression } => GraphPattern::OrderBy { inner: b(inner), expression },
        GraphPattern::Project { inner, variables } => GraphPattern::Project { inner: b(inner), variables },
        GraphPattern::Distinct { inner } => GraphPattern::Distinct { inner: b(inner) },
        GraphPattern::Reduced { inner } => GraphPattern::Reduced { inner: b(inner) },
        GraphPattern::Slice { inner, start, length } => GraphPattern::Slice { inner: b(inner), start, length },
        GraphPattern::Group { inner, variables, aggregates } => {
            GraphPattern::Group { inner: b(inner), variables, aggregates }
        }
        // A remote endpoint plans its own part.
        other @ (GraphPattern::Service { .. }
        | GraphPattern::Bgp { .. }
        | GraphPattern::Path { .. }
        | GraphPattern::Values { .. }) => other,
    }
}

#[cfg(test)]
mod tests {
    use oxigraph::io::RdfFormat;
    use oxigraph::sparql::{QueryResults, SparqlEvaluator};
    use oxigraph::store::Store;
    use spargebra::SparqlParser;

    use super::*;

    fn rewritten(query: &str) -> String {
        lateral_optionals(SparqlParser::new().parse_query(query).unwrap()).to_string()
    }

    #[test]
    fn optionals_of_triple_patterns_are_evaluated_row_by_row() {
        let q =
            "SELECT * WHERE { GRAPH ?g { ?m <http://e/role> ?r OPTIONAL { ?m <http://e/org>/<http://e/name> ?o } } }";
        assert!(rewritten(q).contains("LATERAL"), "{}", rewritten(q));
    }

    #[test]
    fn optionals_with_a_filter_or_a_nested_optional_are_left_to_the_planner() {
        let filtered = "SELECT * WHERE { ?m <http://e/role> ?r OPTIONAL { ?m <http://e/n> ?o FILTER(?o > 1) } }";
        assert!(!rewritten(filtered).contains("LATERAL"));
        // The outer OPTIONAL holds another: left to the planner; the inner one, of triple patterns, is rewritten.
        let nested = "SELECT * WHERE { ?m <http://e/role> ?r OPTIONAL { ?m <http://e/org> ?x OPTIONAL { ?x <http://e/name> ?o } } }";
        assert_eq!(rewritten(nested).matches("LATERAL").count(), 1, "{}", rewritten(nested));
    }

    /// Rows of `query` on `store`, sorted, evaluated as written or rewritten.
    fn rows(store: &Store, query: &str, rewrite: bool) -> Vec<String> {
        let parsed = SparqlParser::new().parse_query(query).unwrap();
        let parsed = if rewrite { lateral_optionals(parsed) } else { parsed };
        let mut prepared = SparqlEvaluator::new().for_query(parsed);
        prepared.dataset_mut().set_default_graph_as_union();
        let QueryResults::Solutions(solutions) = prepared.on_store(store).execute().unwrap() else { panic!() };
        let mut rows: Vec<String> = solutions
            .map(|s| {
                let s = s.unwrap();
                s.variables()
                    .iter()
                    .map(|v| s.get(v).map_or("-".into(), |t| t.to_string()))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        rows.sort();
        rows
    }

    #[test]
    fn row_by_row_optionals_give_the_same_solutions() {
        let store = Store::new().unwrap();
        // Two graphs: a membership with an organisation and a name, one without, one whose organisation has two
        // names, and a member bound to an age in one graph only (so the second OPTIONAL meets ?age both bound and
        // unbound on the left).
        let data = r#"
            <http://e/g1> { <http://e/m1> <http://e/member> <http://e/p1> ; <http://e/org> <http://e/o1> .
                            <http://e/o1> <http://e/name> "Acme" , "Acme Inc" .
                            <http://e/p1> <http://e/age> "40" .
                            <http://e/m2> <http://e/member> <http://e/p2> . }
            <http://e/g2> { <http://e/m3> <http://e/member> <http://e/p1> ; <http://e/org> <http://e/o2> .
                            <http://e/o2> <http://e/age> "3" . }
        "#;
        store.load_from_reader(RdfFormat::TriG, data.as_bytes()).unwrap();
        for query in [
            "SELECT * WHERE { GRAPH ?g { ?m <http://e/member> ?p OPTIONAL { ?m <http://e/org>/<http://e/name> ?o } } }",
            "SELECT * WHERE { GRAPH ?g { ?m <http://e/member> ?p OPTIONAL { ?p <http://e/age> ?age } \
             OPTIONAL { ?m <http://e/org> ?x . ?x <http://e/age> ?age } } }",
            "SELECT * WHERE { ?m <http://e/member> ?p OPTIONAL { GRAPH ?g { ?m <http://e/org> ?x } } }",
            "SELECT * WHERE { ?m <http://e/member> ?p OPTIONAL { ?m <http://e/org> ?x OPTIONAL { ?x <http://e/name> ?o } } }",
            "SELECT ?p (COUNT(?o) AS ?n) WHERE { ?m <http://e/member> ?p OPTIONAL { ?m <http://e/org> [ <http://e/name> ?o ] } } GROUP BY ?p",
        ] {
            assert!(rewritten(query).contains("LATERAL"), "{query}");
            let expected = rows(&store, query, false);
            assert!(expected.len() >= 2, "{query}: {expected:?}");
            assert_eq!(rows(&store, query, true), expected, "{query}");
        }
    }
}
