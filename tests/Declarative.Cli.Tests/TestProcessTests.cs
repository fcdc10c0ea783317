namespace Declarative.Cli.Tests;

public sealed class TestProcessTests
{
    /// <summary>The project's TieredPGO setting reaches the test host (see the project file for why it is off).</summary>
    [Fact]
    public void TheTestHost_RunsWithoutDynamicPgo() =>
        Assert.Equal("false", AppContext.GetData("System.Runtime.TieredPGO") as string, ignoreCase: true);
}
