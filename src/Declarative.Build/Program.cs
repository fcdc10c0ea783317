// The design-time training host: `dotnet exec` runs it with the user's deps.json and runtimeconfig (the dotnet-ef
// pattern), so it binds to the Declarative runtime and ML.NET of the user's own project. Arguments:
// <built assembly> <artifacts directory> [--retune] [--no-report]. See Declarative.Build.BuildHost.

// A PublishAot project's runtimeconfig tells the runtime it is native (only the portable scorer may run); the host
// trains with ML.NET, so it turns that off before any model type is touched.
AppContext.SetSwitch(Declarative.NativeAot.Switch, false);
return Declarative.Build.BuildHost.Run(args, Console.Out);
