// The design-time training host: `dotnet exec` runs it with the user's deps.json and runtimeconfig (the dotnet-ef
// pattern), so it binds to the Declarative runtime and ML.NET of the user's own project. Arguments:
// <built assembly> <artifacts directory> [--retune] [--no-report]. See Declarative.Build.BuildHost.

// A PublishAot project's runtimeconfig tells the runtime it is native (only the portable scorer may run, and no code may
// be generated); the host trains with ML.NET, whose expression transform (an ensemble's weighted sum) compiles code, so
// it turns both off before any model type is touched.
AppContext.SetSwitch(Declarative.NativeAot.Switch, false);
AppContext.SetSwitch("System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported", true);
return Declarative.Build.BuildHost.Run(args, Console.Out);
