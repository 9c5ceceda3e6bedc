//! `newskg extract`: articles in, RDF out, no store.
//!
//! Streaming: each batch of articles is written as soon as it is extracted, each article's quads sorted, articles
//! in input order, so memory does not grow with the input and the output is the same for any thread count. The
//! formats without named graphs (Turtle, N-Triples, RDF/XML) get the union of the article graphs: a triple about a
//! shared node (a person, place, organisation or role, described in each article that names it) is written once.

use std::collections::HashSet;
use std::io::Write;

use oxigraph::model::{GraphName, NamedOrBlankNode, Quad, TripleRef};

use crate::cli::ExtractArgs;
use crate::graph;

pub fn run(args: &ExtractArgs) -> anyhow::Result<bool> {
    let mut out = super::output(args.output.as_deref())?;
    if args.format == graph::Format::Nquads {
        // N-Quads are formatted on the extraction threads, straight from each article's compact graph; this thread
        // only writes them, in input order.
        let work = |a: &crate::article::Article| {
            let mut bytes = Vec::new();
            graph::article_graph_at(a, &crate::extract::run(a), args.provenance).write_nquads(&mut bytes);
            bytes
        };
        let ok = super::for_each_batch_with(&args.input, work, |batch, _| {
            for (_, bytes) in batch.drain(..) {
                out.write_all(&bytes)?;
            }
            Ok(())
        })?;
        out.flush()?;
        return Ok(ok);
    }
    let mut w = graph::serializer(args.format).for_writer(&mut out);
    let with_graphs = args.format.has_graphs();
    // Triples about nodes outside any article (shared entities) already written, for the union formats.
    let mut shared_seen: HashSet<Quad> = HashSet::new();
    let ok = super::for_each_batch(&args.input, args.provenance, |batch, _| {
        for (article, quads) in batch.drain(..) {
            if with_graphs {
                for q in &quads {
                    w.serialize_quad(q)?;
                }
                continue;
            }
            let own = graph::article_iri(&article.id);
            for mut q in quads {
                let in_article = match &q.subject {
                    NamedOrBlankNode::NamedNode(n) => n
                        .as_str()
                        .strip_prefix(own.as_str())
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with('#')),
                    _ => true,
                };
                if !in_article {
                    q.graph_name = GraphName::DefaultGraph;
                    if !shared_seen.insert(q.clone()) {
                        continue;
                    }
                }
                w.serialize_triple(TripleRef::new(&q.subject, &q.predicate, &q.object))?;
            }
        }
        Ok(())
    })?;
    w.finish()?;
    out.flush()?;
    Ok(ok)
}
