using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using Declarative.Data;
using Declarative.Schema;

namespace Declarative.Build;

/// <summary>
/// Reads the rows of a delimited file into objects of the row type, one record at a time, by the pipeline's column
/// mapping (header names, or positions without a header): what <c>dotnet declarative predict</c> feeds the model. The
/// label's column may be absent. A value the property cannot take is a <see cref="DataFileException"/> at its line and
/// column.
/// </summary>
internal static class RowReader
{
    /// <summary>The rows, each with the raw text of the <paramref name="keep"/> columns (found by header name) beside it.</summary>
    public static IEnumerable<(TRow Row, string[] Kept)> Read<TRow>(PipelineSpec<TRow> spec, TextReader text, string path, IReadOnlyList<string> keep)
    {
        var records = new DelimitedRecordReader(text, path, spec.Separator, spec.AllowQuoting, spec.SkipLines);
        var fields = new List<Field>();
        string[]? header = null;
        if (spec.HasHeader)
        {
            if (!records.TryRead(fields))
            {
                yield break;
            }

            header = fields.Select(f => f.Value).ToArray();
        }

        var headerLine = header is null ? 0 : fields[0].Line;
        var kept = keep.Select(name => header is null
            ? throw new DataFileException(path, null, null, $"--keep names the column '{name}', but the file has no header to find it by.")
            : Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase)) is var at and >= 0
                ? at
                : throw new DataFileException(path, headerLine, null, $"--keep names the column '{name}', which the header does not have; it has {string.Join(", ", header.Select(h => $"'{h}'"))}.")).ToArray();
        var setters = spec.Columns
            .GroupBy(c => c.SourceProperty, StringComparer.Ordinal)
            .Select(g => Setter<TRow>.For(spec, g.ToArray(), header, path, headerLine))
            .OfType<Setter<TRow>>()
            .ToArray();
        // A positional record has no parameterless constructor: its properties are set one by one all the same.
        Func<TRow> create = typeof(TRow).IsValueType || typeof(TRow).GetConstructor(Type.EmptyTypes) is not null
            ? Activator.CreateInstance<TRow>
            : () => (TRow)RuntimeHelpers.GetUninitializedObject(typeof(TRow));
        while (records.TryRead(fields))
        {
            var row = create()!;
            foreach (var setter in setters)
            {
                setter.Set(row, fields, path);
            }

            yield return (row, kept.Select(at => at < fields.Count ? fields[at].Value : "").ToArray());
        }
    }

    /// <summary>Sets one property of the row from its field (or, for a run of columns, its fields).</summary>
    private sealed class Setter<TRow>(PropertyInfo property, int[] positions, ColumnSpec<TRow> first)
    {
        /// <summary>The setter of a property's columns; null for a label the file does not have (predicting needs none).</summary>
        public static Setter<TRow>? For(PipelineSpec<TRow> spec, ColumnSpec<TRow>[] columns, string[]? header, string path, int headerLine)
        {
            var first = columns[0];
            var property = typeof(TRow).GetProperty(first.SourceProperty)
                ?? throw new InvalidOperationException($"{typeof(TRow).Name} has no property {first.SourceProperty}.");
            if (header is null)
            {
                return new Setter<TRow>(property, columns.Select(c => c.Index).ToArray(), first);
            }

            if (first.Kind.IsLabel() && !Mapped(spec, first, header, path))
            {
                return null;
            }

            // A date's parts share one column; a run's elements are one column each.
            var positions = (first.Run is null ? [first] : columns).Select(c => DelimitedFileLoader.FindInHeader(spec, c, header, path, headerLine)).ToArray();
            return new Setter<TRow>(property, positions, first);
        }

        private static bool Mapped(PipelineSpec<TRow> spec, ColumnSpec<TRow> column, string[] header, string path)
        {
            try
            {
                DelimitedFileLoader.FindInHeader(spec, column, header, path, null);
                return true;
            }
            catch (DataFileException)
            {
                return false;
            }
        }

        public void Set(object row, List<Field> fields, string path)
        {
            if (positions.Max() >= fields.Count)
            {
                throw new DataFileException(path, fields[0].Line, null, $"The line has {fields.Count} fields, but column {positions.Max() + 1} is read.");
            }

            if (first.Run is not null)
            {
                // A run: each element from its own field, so a bad one is reported where it is.
                var values = new float[positions.Length];
                for (var i = 0; i < positions.Length; i++)
                {
                    var element = fields[positions[i]];
                    values[i] = ValueParser.IsMissing(element.Value) ? float.NaN
                        : float.TryParse(element.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number
                        : throw Bad(element, path, ColumnRun.ElementName(first.SourceProperty, i), "float", "not a number");
                }

                property.SetValue(row, values);
                return;
            }

            var field = fields[positions[0]];
            if (first.Embedding is { IsImage: true })
            {
                property.SetValue(row, Image(field, path, property.PropertyType == typeof(byte[])));
                return;
            }

            try
            {
                property.SetValue(row, Convert(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, field.Value));
            }
            catch (FormatException e)
            {
                throw Bad(field, path, property.Name, TypeName(property.PropertyType), e.Message);
            }
        }

        /// <summary>An [Image] field: a file relative to the input file's folder, as a training file names it (its bytes for a byte[] property).</summary>
        private object Image(Field field, string path, bool bytes)
        {
            var file = ImageFileEncoder.Resolve(field.Value, Path.GetDirectoryName(Path.GetFullPath(path))!)
                ?? throw new DataFileException(path, field.Line, field.Column, $"The image file '{field.Value}' ({typeof(TRow).Name}.{property.Name}) was not found; paths are relative to the input file's folder.");
            return bytes ? File.ReadAllBytes(file) : file;
        }

        private static DataFileException Bad(Field field, string path, string member, string type, string why) =>
            new(path, field.Line, field.Column, $"'{field.Value}' cannot be {typeof(TRow).Name}.{member} ({type}): {why}");

        private static string TypeName(Type type) => Nullable.GetUnderlyingType(type) is { } inner ? TypeName(inner) + "?" : type.Name switch
        {
            "Single" => "float",
            "Double" => "double",
            "Int32" => "int",
            "Int64" => "long",
            "Boolean" => "bool",
            "String" => "string",
            "Decimal" => "decimal",
            _ => type.Name,
        };

        private object? Convert(Type type, string text)
        {
            if (ValueParser.IsMissing(text))
            {
                return type == typeof(string) ? "" : type == typeof(float) ? float.NaN : type == typeof(double) ? double.NaN
                    : property.PropertyType != type || !type.IsValueType ? null
                    : throw new FormatException("a missing value, which the property cannot hold (make it nullable)");
            }

            return type switch
            {
                _ when type == typeof(string) => text,
                _ when type.IsEnum => Enum.TryParse(type, text, ignoreCase: true, out var member) ? member : throw new FormatException($"not a member of {type.Name}"),
                _ when type == typeof(bool) => ValueParser.TryParseBoolean(text, out var flag) ? flag : throw new FormatException("not a boolean"),
                _ when type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(DateTimeOffset) => Date(type, text),
                _ when type == typeof(float) => Number<float>(text),
                _ when type == typeof(double) => Number<double>(text),
                _ when type == typeof(decimal) => Number<decimal>(text),
                _ => System.Convert.ChangeType(Number<decimal>(text), type, CultureInfo.InvariantCulture),
            };
        }

        private object Date(Type type, string text)
        {
            // A date's parts (a feature) or a whole date (a series' [Time]): each knows its kind and format.
            var (kind, format) = first.Date is { } parts ? (parts.Kind, parts.Format) : first.WholeDate!.Value;
            if (!DateParsing.TryParse(text, kind, format, out var when))
            {
                throw new FormatException(format is null ? "not an ISO 8601 date" : $"not a date in the format {format}");
            }

            // Each branch boxed on its own: unboxed, the last two would meet as DateTimeOffset (DateTime converts to it).
            return type == typeof(DateOnly) ? DateOnly.FromDateTime(when)
                : type == typeof(TimeOnly) ? TimeOnly.FromDateTime(when)
                : type == typeof(DateTimeOffset) ? (object)new DateTimeOffset(when, TimeSpan.Zero)
                : (object)when;
        }

        private static T Number<T>(string text)
            where T : INumber<T> =>
            T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException("not a number");
    }
}
