//! Integration tests, one module per feature.

mod cli;
mod common;
mod events;
mod interop;
mod ontology;
mod organisations;
mod people;
mod pipeline;
mod provenance;
mod queries;
