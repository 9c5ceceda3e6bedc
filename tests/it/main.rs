//! Integration tests, one module per feature.

mod cli;
mod common;
mod events;
mod ontology;
mod pipeline;
mod queries;
