#![doc = include_str!("../README.md")]

pub mod article;
pub mod cli;
pub mod cmd;
pub mod extract;
pub mod graph;
pub mod http;
pub mod identity;
pub mod lexicon;
pub mod plan;
pub mod queries;
pub mod report;
pub mod serve;
pub mod shacl;
pub mod store;
pub mod syntax;
pub mod text;
pub mod wordnet;

pub use article::Article;
pub use extract::{run as extract_facts, Facts};
