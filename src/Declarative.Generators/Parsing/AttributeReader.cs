using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Declarative.Generators.Parsing
{
    /// <summary>Reads attribute arguments and finds the source location of one, so diagnostics point at the value at fault.</summary>
    internal static class AttributeReader
    {
        public static T? Named<T>(AttributeData attribute, string name, T? fallback = default)
        {
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Key == name && pair.Value.Value is T value)
                {
                    return value;
                }
            }

            return fallback;
        }

        public static Location? Location(AttributeData attribute, CancellationToken cancellationToken) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

        public static Location? NamedArgumentLocation(AttributeData attribute, string name, CancellationToken cancellationToken)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } list } syntax)
            {
                var argument = list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
                return (argument ?? (SyntaxNode)syntax).GetLocation();
            }

            return Location(attribute, cancellationToken);
        }

        public static Location? PositionalArgumentLocation(AttributeData attribute, int index, CancellationToken cancellationToken)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } list } syntax)
            {
                var positional = list.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
                return index < positional.Count ? positional[index].GetLocation() : syntax.GetLocation();
            }

            return Location(attribute, cancellationToken);
        }
    }
}
