using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Declarative.Tests;

/// <summary>
/// The README and the docs point into each other by relative links, by heading anchors and by a section's name quoted
/// after a link (<c>[forecasting-log.md](forecasting-log.md), "Short series"</c>); the sources point into the docs the
/// same way (<c>docs/forecasting-log.md, "Short series"</c>). Pages get split and sections renamed, so every such
/// pointer is checked against the page it names.
/// </summary>
public sealed partial class DocumentationLinksTests
{
    [Fact]
    public void EveryRelativeLink_ReachesAFile_AndItsAnchorAHeading()
    {
        var broken = new List<string>();
        foreach (var page in Pages())
        {
            foreach (Match link in Link().Matches(Prose(page)))
            {
                var target = link.Groups[1].Value;
                if (Scheme().IsMatch(target))
                {
                    continue;
                }

                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var path = hash < 0 ? target : target[..hash];
                var anchor = hash < 0 ? "" : target[(hash + 1)..];
                var file = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, path));
                if (!File.Exists(file) && !Directory.Exists(file))
                {
                    broken.Add($"{Relative(page)}: ({target}) names no file");
                }
                else if (anchor.Length > 0 && file.EndsWith(".md", StringComparison.Ordinal) && !Anchors(file).Contains(anchor))
                {
                    broken.Add($"{Relative(page)}: ({target}) names no heading of {Relative(file)}");
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
    }

    [Fact]
    public void EverySectionNamedBesideALink_IsInThePageItLinks()
    {
        var broken = new List<string>();
        foreach (var page in Pages())
        {
            foreach (Match named in NamedAfterLink().Matches(Flat(Prose(page))))
            {
                var file = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, named.Groups[1].Value));
                if (!File.Exists(file) || !HasSection(file, named.Groups[2].Value))
                {
                    broken.Add($"{Relative(page)}: \"{named.Groups[2].Value}\" is not a section of {named.Groups[1].Value}");
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
    }

    [Fact]
    public void EverySectionACommentNames_IsInThePageItNames()
    {
        var sources = new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Repository.PathOf(folder), "*.*", SearchOption.AllDirectories))
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".sh", StringComparison.Ordinal) || file.EndsWith(".py", StringComparison.Ordinal))
            .Where(file => !InBuildOutput(file))
            .ToList();
        var broken = new List<string>();
        var checkedCount = 0;
        foreach (var source in sources)
        {
            // A comment's sentence wraps across lines that each start with ///, // or #.
            var text = Flat(CommentMarks().Replace(File.ReadAllText(source), " "));
            foreach (Match named in NamedInComment().Matches(text))
            {
                checkedCount++;
                var file = Repository.PathOf(named.Groups[1].Value.Split('/'));
                if (!File.Exists(file) || !HasSection(file, named.Groups[2].Value))
                {
                    broken.Add($"{Relative(source)}: \"{named.Groups[2].Value}\" is not a section of {named.Groups[1].Value}");
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
        Assert.True(checkedCount > 0, "no source names a section of a page: the pattern no longer matches how they do");
    }

    /// <summary>The README and every Markdown page of the repository's own (not build output or packages).</summary>
    private static IEnumerable<string> Pages() =>
        Directory.EnumerateFiles(Repository.Root, "*.md", SearchOption.AllDirectories)
            .Where(file => !InBuildOutput(file) && !Relative(file).StartsWith('.'));

    private static bool InBuildOutput(string file) =>
        Relative(file).Split('/').Any(part => part is "bin" or "obj" or "node_modules" or "TestResults" or "artifacts");

    private static string Relative(string file) => Path.GetRelativePath(Repository.Root, file).Replace('\\', '/');

    /// <summary>Each page's prose, read once: a page is named by many links and comments.</summary>
    private static readonly ConcurrentDictionary<string, string> ProseOf = new(StringComparer.Ordinal);

    /// <summary>A page without its fenced code, whose <c>#</c> lines are comments and whose brackets are code.</summary>
    private static string Prose(string page) => ProseOf.GetOrAdd(page, Read);

    private static string Read(string page)
    {
        var prose = new StringBuilder();
        var fenced = false;
        foreach (var line in File.ReadLines(page))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                prose.AppendLine();
                continue;
            }

            prose.AppendLine(fenced ? "" : line);
        }

        return prose.ToString();
    }

    private static string Flat(string text) => Whitespace().Replace(text, " ");

    /// <summary>A section is a heading or a paragraph's bold lead (<c>**Short series** (2026-12-07).</c>).</summary>
    private static bool HasSection(string page, string name)
    {
        var prose = Prose(page);
        return Flat(prose).Contains("**" + name, StringComparison.Ordinal)
            || Heading().Matches(prose).Any(heading => heading.Groups[1].Value.Trim() == name);
    }

    /// <summary>Heading anchors as GitHub makes them: lower case, punctuation dropped, spaces as hyphens, repeats numbered.</summary>
    private static HashSet<string> Anchors(string page)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(Prose(page)))
        {
            var slug = new string([.. heading.Groups[1].Value.Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')]).Replace(' ', '-');
            var repeats = seen.GetValueOrDefault(slug);
            seen[slug] = repeats + 1;
            anchors.Add(repeats == 0 ? slug : $"{slug}-{repeats}");
        }

        return anchors;
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"\]\(([^)#\s]+\.md)\), ""([^""]+)""")]
    private static partial Regex NamedAfterLink();

    [GeneratedRegex(@"\b(docs/[\w.-]+\.md),? \(?""([^""]+)""")]
    private static partial Regex NamedInComment();

    [GeneratedRegex(@"^#{1,6} (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\r?\n[ \t]*(///?|#)")]
    private static partial Regex CommentMarks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
