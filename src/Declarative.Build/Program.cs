using System.Reflection;

// Arguments: <built assembly> <artifacts directory>. See Declarative.Artifacts.BuildHost for the work itself.
const string HostType = "Declarative.Artifacts.BuildHost, Declarative";

var host = Type.GetType(HostType, throwOnError: false);
var run = host?.GetMethod("Run", BindingFlags.Public | BindingFlags.Static, [typeof(IReadOnlyList<string>), typeof(TextWriter)]);
if (run is null)
{
    Console.WriteLine("Declarative : error DCL1000: the Declarative runtime is not among the project's dependencies; reference the Declarative package.");
    return 1;
}

try
{
    return (int)run.Invoke(null, [args, Console.Out])!;
}
catch (TargetInvocationException e) when (e.InnerException is not null)
{
    Console.WriteLine($"Declarative : error DCL1000: the training host failed: {e.InnerException}");
    return 1;
}
