//! Integration tests, one module per feature.

mod cli;
mod common;
mod ontology;
mod people;
mod pipeline;
mod queries;
