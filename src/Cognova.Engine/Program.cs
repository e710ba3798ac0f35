using Cognova.Engine.ReadyToRun;

// The design host's entry: the background worker that makes precompiled images, or the host's commands,
// which HostLauncher runs where those images load (see ReadyToRun/).
return args.Length > 0 && args[0] == ImageCompiler.Command
    ? ImageCompiler.Run(args[1..])
    : HostLauncher.Run(args);
