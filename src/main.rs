//! The `newskg` binary: parse the command line, run the command, print errors as a chain, return an exit code
//! (0 success, 1 some inputs rejected, 2 usage or fatal error).

use std::process::ExitCode;

use clap::Parser;
use newskg::cli::{Cli, Command};
use newskg::cmd;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Extract(args) => cmd::extract::run(args),
        Command::Load(args) => cmd::load::run(args),
        Command::Query(args) => cmd::query::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Queries => cmd::query::list(),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            if e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newskg: {e:#}");
            ExitCode::from(2)
        }
    }
}
