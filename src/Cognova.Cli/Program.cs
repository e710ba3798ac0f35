// dotnet cognova: see CommandLine.cs (and dotnet cognova --help) and docs/cli.md for the commands, options and exit codes.
return Cognova.Cli.Tool.Run(args);
