using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Declarative.Generators.Helpers
{
    /// <summary>A source location as plain data: a <see cref="Location"/> holds its syntax tree, which must not enter the incremental model.</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

        public static LocationInfo? From(Location? location) =>
            location is null || !location.IsInSource
                ? null
                : new LocationInfo(location.SourceTree?.FilePath ?? "", location.SourceSpan, location.GetLineSpan().Span);
    }
}
