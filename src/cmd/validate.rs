//! `newskg validate`: check a store or RDF files against the SHACL shapes.

use std::io::Write;

use anyhow::Context;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Quad;

use crate::cli::{ReportFormat, ValidateArgs};
use crate::shacl::{parse_shapes_graph, report_triples, shapes_graph_at, LevelShapes, Violation, SHAPES_TTL};
use crate::store::KnowledgeStore;

pub fn run(args: &ValidateArgs) -> anyhow::Result<bool> {
    let ttl = match &args.shapes {
        Some(p) => std::fs::read(p).with_context(|| format!("cannot read shapes {}", p.display()))?,
        None => SHAPES_TTL.as_bytes().to_vec(),
    };
    let shapes_name = args.shapes.as_ref().map_or("ontology/shapes.ttl".to_string(), |p| p.display().to_string());
    if let Some(level) = args.print_shapes {
        // The shapes of one level as Turtle, for other SHACL engines (pyshacl, rudof, Jena, TopBraid).
        let g = shapes_graph_at(&parse_shapes_graph(&ttl).with_context(|| shapes_name.clone())?, level);
        let mut out = std::io::stdout().lock();
        let mut w = crate::graph::serializer(crate::graph::Format::Turtle)
            .with_prefix("sh", "http://www.w3.org/ns/shacl#")?
            .with_prefix("nkgsh", "https://w3id.org/newskg/shapes#")?
            .for_writer(&mut out);
        let mut triples: Vec<_> = g.iter().map(|t| t.into_owned()).collect();
        triples.sort_by_cached_key(|t| t.to_string());
        for t in &triples {
            w.serialize_triple(t)?;
        }
        w.finish()?;
        return Ok(true);
    }
    let shapes = LevelShapes::parse_turtle(&ttl).with_context(|| shapes_name.clone())?;
    let (what, violations, graphs) = if args.files.is_empty() {
        let path = args.store.path();
        let store = KnowledgeStore::open_read_only(&path)?;
        let mut violations = Vec::new();
        let mut graphs = 0;
        // One article graph at a time: memory stays bounded by the largest article.
        for g in store.inner().named_graphs() {
            let g = g?;
            violations.extend(shapes.validate_quads(store.graph_quads(g.as_ref().into())?));
            graphs += 1;
        }
        let default = store.graph_quads(oxigraph::model::GraphNameRef::DefaultGraph)?;
        if !default.is_empty() {
            violations.extend(shapes.validate_quads(default));
            graphs += 1;
        }
        (path.display().to_string(), violations, graphs)
    } else {
        let mut violations = Vec::new();
        let mut graphs = 0;
        for file in &args.files {
            let name = file.display().to_string();
            let format =
                file.extension().and_then(|e| e.to_str()).and_then(RdfFormat::from_extension).with_context(|| {
                    format!("{name}: unknown RDF format (use .ttl, .trig, .nt, .nq, .rdf or .jsonld)")
                })?;
            let data = std::fs::read(file).with_context(|| format!("cannot read {name}"))?;
            let quads: Vec<Quad> = RdfParser::from_format(format)
                .for_slice(&data)
                .collect::<Result<_, _>>()
                .with_context(|| format!("{name}: not valid {}", format.name()))?;
            graphs += quads.iter().map(|q| &q.graph_name).collect::<std::collections::HashSet<_>>().len();
            violations.extend(shapes.validate_quads(quads));
        }
        let names: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
        (names.join(", "), violations, graphs)
    };
    report(args, &what, &violations, graphs)?;
    Ok(violations.is_empty())
}

fn report(args: &ValidateArgs, what: &str, violations: &[Violation], graphs: usize) -> anyhow::Result<()> {
    let mut out = super::output(None)?;
    match args.format {
        ReportFormat::Turtle => {
            let quads: Vec<Quad> = report_triples(violations)
                .into_iter()
                .map(|t| t.in_graph(oxigraph::model::GraphName::DefaultGraph))
                .collect();
            let mut w = crate::graph::serializer(crate::graph::Format::Turtle)
                .with_prefix("sh", "http://www.w3.org/ns/shacl#")?
                .for_writer(&mut out);
            for q in &quads {
                w.serialize_triple(oxigraph::model::TripleRef::new(&q.subject, &q.predicate, &q.object))?;
            }
            w.finish()?;
        }
        ReportFormat::Text => {
            let shown = if args.limit == 0 { violations.len() } else { violations.len().min(args.limit) };
            let mut graph = None;
            for v in &violations[..shown] {
                let label = v.graph_label();
                if graph.as_ref() != Some(&label) {
                    writeln!(out, "{label}")?;
                    graph = Some(label);
                }
                writeln!(out, "  {}", v.within_graph())?;
            }
            if shown < violations.len() {
                writeln!(out, "... and {} more (--limit 0 shows all)", violations.len() - shown)?;
            }
        }
    }
    out.flush()?;
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    if violations.is_empty() {
        eprintln!("newskg: {what}: {} conform to the shapes", plural(graphs, "graph"));
    } else {
        let mut bad: Vec<String> = violations.iter().map(Violation::graph_label).collect();
        bad.sort();
        bad.dedup();
        eprintln!(
            "newskg: {what}: {} in {} of {}",
            plural(violations.len(), "violation"),
            plural(bad.len(), "graph"),
            graphs
        );
    }
    Ok(())
}
