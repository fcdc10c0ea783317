using System.Runtime.CompilerServices;

namespace Declarative.Generators.Tests;

/// <summary>
/// Approved-file snapshots: the generated source must equal <c>Snapshots/NAME.verified.cs</c>. On a difference the
/// new text is written beside it as <c>NAME.received.cs</c> to compare; set DECLARATIVE_ACCEPT_SNAPSHOTS=1 to accept.
/// </summary>
internal static class SnapshotAssert
{
    public static void Matches(string name, string actual, [CallerFilePath] string testFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var verified = Path.Combine(folder, name + ".verified.cs");
        var received = Path.Combine(folder, name + ".received.cs");
        actual = actual.ReplaceLineEndings("\n");

        if (Environment.GetEnvironmentVariable("DECLARATIVE_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {verified} yet; the generated source is in {received}. Review it and set DECLARATIVE_ACCEPT_SNAPSHOTS=1 to accept."
            : $"The generated source differs from {verified}; see {received}. If the change is intended, set DECLARATIVE_ACCEPT_SNAPSHOTS=1 to accept.");
    }
}
