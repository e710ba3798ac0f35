using System.CommandLine;

namespace Cognova.Cli;

/// <summary>The options every command takes: which project, how to build it, how to print.</summary>
internal sealed class CommonOptions
{
    private readonly Option<string?> _project = new("--project", "-p")
    {
        Description = "The project with the DbContext's migrations (.csproj, or its folder). Default: the project in the current folder.",
        HelpName = "path",
    };

    private readonly Option<string?> _startupProject = new("--startup-project", "-s")
    {
        Description = "The application that configures the DbContext (AddDbContext), when the migrations live in a class library, as dotnet ef's --startup-project.",
        HelpName = "path",
    };

    private readonly Option<string?> _context = new("--context", "-c") { Description = "The DbContext, when the project has several.", HelpName = "name" };
    private readonly Option<bool> _noBuild = new("--no-build") { Description = "Use the project as last built." };
    private readonly Option<string?> _configuration = new("--configuration") { Description = "The build configuration (default: the project's, usually Debug).", HelpName = "name" };
    private readonly Option<string?> _framework = new("--framework") { Description = "The target framework, for a project with several.", HelpName = "tfm" };
    private readonly Option<bool> _verbose = new("--verbose", "-v") { Description = "Show each step and how long it takes." };
    private readonly Option<bool> _noColor = new("--no-color") { Description = "No colours (also: the NO_COLOR variable)." };

    /// <summary>Adds the options to the root command, for it and every command under it.</summary>
    public void AddTo(RootCommand root)
    {
        foreach (var option in new Option[] { _project, _startupProject, _context, _noBuild, _configuration, _framework, _verbose, _noColor })
        {
            option.Recursive = true;
            root.Options.Add(option);
        }
    }

    public CommonSettings Read(ParseResult result) => new(
        result.GetValue(_project),
        result.GetValue(_startupProject),
        result.GetValue(_context),
        result.GetValue(_noBuild),
        result.GetValue(_configuration),
        result.GetValue(_framework),
        result.GetValue(_verbose),
        result.GetValue(_noColor));
}

/// <summary>The common options of one run.</summary>
internal sealed record CommonSettings(
    string? Project,
    string? StartupProject,
    string? Context,
    bool NoBuild,
    string? Configuration,
    string? Framework,
    bool Verbose,
    bool NoColor);
