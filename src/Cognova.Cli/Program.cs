// dotnet cognova: see Usage.cs and docs/cli.md for the commands, options and exit codes.
return Cognova.Cli.Tool.Run(args);
