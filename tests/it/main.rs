//! Integration tests, one module per feature.

mod cli;
mod common;
mod interop;
mod ontology;
mod pipeline;
mod queries;
