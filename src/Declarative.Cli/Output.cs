using Spectre.Console;

namespace Declarative.Cli;

/// <summary>Tables as a terminal shows them (Spectre.Console), and as plain tab-separated lines when the output is a pipe or a file.</summary>
internal static class Output
{
    public static void Table(IAnsiConsole console, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        if (Console.IsOutputRedirected)
        {
            // A script reads it: no borders, no wrapping.
            foreach (var row in rows.Prepend(headers))
            {
                Console.WriteLine(string.Join('\t', row));
            }

            return;
        }

        var table = new Table().AddColumns(headers.Select(Markup.Escape).ToArray());
        foreach (var row in rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        console.Write(table);
    }
}
