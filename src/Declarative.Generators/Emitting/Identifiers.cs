using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace Declarative.Generators.Emitting
{
    /// <summary>Names from the user's source, written back as C#: a keyword used as a name (<c>@class</c>) keeps its <c>@</c>.</summary>
    internal static class Identifiers
    {
        public static string Escape(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        /// <summary>A dotted namespace, each part escaped.</summary>
        public static string EscapeDotted(string name) => string.Join(".", name.Split('.').Select(Escape));
    }
}
