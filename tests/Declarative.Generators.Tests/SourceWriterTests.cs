using Declarative.Generators.Helpers;

namespace Declarative.Generators.Tests;

/// <summary>The source writer refuses unbalanced blocks and re-indents multi-line text.</summary>
public sealed class SourceWriterTests
{
    [Fact]
    public void MultiLineText_IsIndentedLineByLine()
    {
        var writer = new SourceWriter();
        writer.OpenBlock("class C");
        writer.WriteLine("int A;\nint B;\r\n\nint C;");
        writer.CloseBlock();

        Assert.Equal("class C\n{\n    int A;\n    int B;\n\n    int C;\n}\n", writer.ToString());
    }

    [Fact]
    public void ClosingMoreBlocksThanOpened_Throws()
    {
        var writer = new SourceWriter();
        Assert.Throws<InvalidOperationException>(() => writer.CloseBlock());
        Assert.Throws<InvalidOperationException>(() => writer.Unindent());
    }

    [Fact]
    public void AnOpenBlock_IsCaughtWhenTheTextIsTaken()
    {
        var writer = new SourceWriter();
        writer.OpenBlock("class C");

        Assert.Throws<InvalidOperationException>(writer.ToString);
    }
}
