//! Integration tests, one module per feature.

mod cli;
mod common;
mod events;
mod identity;
mod interop;
mod ontology;
mod organisations;
mod people;
mod pipeline;
mod provenance;
mod queries;
mod report;
mod serve_limits;
