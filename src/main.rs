//! The `newskg` binary: parse the command line, run the command, print errors as a chain, return an exit code
//! (0 success, 1 some inputs rejected, 2 usage or fatal error).

use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::Parser;
use newskg::cli::{Cli, Command};
use newskg::cmd;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => e.exit(),
        Err(e) => {
            // One line, as every other error: "error: invalid value 'yaml' for '--format <FORMAT>' [possible values: ...]".
            let text = e.render().to_string();
            let line: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("For more information"))
                .collect();
            eprintln!("newskg: {}", line.join(" ").trim_start_matches("error: "));
            return ExitCode::from(2);
        }
    };
    let result = match &cli.command {
        Command::Extract(args) => cmd::extract::run(args),
        Command::Load(args) => cmd::load::run(args),
        Command::Compact(args) => cmd::load::compact(args),
        Command::Query(args) => cmd::query::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Identity(args) => cmd::identity::run(args),
        Command::Queries(args) => cmd::query::list(args),
        Command::Report(args) => cmd::report::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Validate(args) => cmd::validate::run(args),
        Command::Push(args) => cmd::push::run(args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            let broken_pipe = |c: &(dyn std::error::Error + 'static)| {
                c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            };
            if e.chain().any(broken_pipe) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newskg: {e:#}");
            ExitCode::from(2)
        }
    }
}
