//! Entry point: parses nothing and decides nothing, it only hands the process to `cli`.

fn main() -> std::process::ExitCode {
    wedata_gitops::cli::main()
}
