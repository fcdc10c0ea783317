using Declarative.Schema;
using System.Globalization;
using System.Reflection;

namespace Declarative.Tuning;

/// <summary>One dimension of a search space, mapped to [0, 1] (linearly or on a log scale; choices by slot).</summary>
internal sealed record Hyperparameter(string Name, HyperparameterKind Kind, double Min, double Max, double Default, bool Log, IReadOnlyList<string> Choices)
{
    /// <summary>The value at a point of the unit interval: rounded for integers, a choice's index for choices.</summary>
    public double FromUnit(double u)
    {
        u = Math.Clamp(u, 0, 1);
        if (Kind == HyperparameterKind.Choice)
        {
            return Math.Min(Math.Floor(u * Choices.Count), Choices.Count - 1);
        }

        var value = Log ? Math.Exp(Math.Log(Min) + (u * (Math.Log(Max) - Math.Log(Min)))) : Min + (u * (Max - Min));
        return Kind == HyperparameterKind.Integer ? Math.Clamp(Math.Round(value), Min, Max) : Math.Clamp(value, Min, Max);
    }

    /// <summary>Where a value lies in the unit interval (a choice at the middle of its slot).</summary>
    public double ToUnit(double value)
    {
        if (Kind == HyperparameterKind.Choice)
        {
            return (Math.Clamp(value, 0, Choices.Count - 1) + 0.5) / Choices.Count;
        }

        if (Max <= Min)
        {
            return 0;
        }

        value = Math.Clamp(value, Min, Max);
        return Log ? (Math.Log(value) - Math.Log(Min)) / (Math.Log(Max) - Math.Log(Min)) : (value - Min) / (Max - Min);
    }

    /// <summary>The invariant text of a value, as configurations, manifests and lock files hold it.</summary>
    public string Format(double value) => Kind switch
    {
        HyperparameterKind.Choice => Choices[(int)value],
        HyperparameterKind.Integer => ((long)value).ToString(CultureInfo.InvariantCulture),
        _ => value.ToString("G6", CultureInfo.InvariantCulture),
    };

    /// <summary>The value of its text.</summary>
    public double Parse(string text) => Kind == HyperparameterKind.Choice
        ? Math.Max(0, Choices.ToList().IndexOf(text))
        : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>
/// The search space of one trainer: its catalog of <see cref="HyperparameterAttribute"/>s, narrowed by the pipeline's
/// <see cref="SearchRangeAttribute"/>s, mapped to the unit cube so every tuner works on plain vectors in [0, 1]^d.
/// </summary>
internal sealed class SearchSpace
{
    private SearchSpace(Trainer trainer, IReadOnlyList<Hyperparameter> parameters)
    {
        Trainer = trainer;
        Parameters = parameters;
    }

    /// <summary>The trainer.</summary>
    public Trainer Trainer { get; }

    /// <summary>The dimensions.</summary>
    public IReadOnlyList<Hyperparameter> Parameters { get; }

    /// <summary>The number of dimensions.</summary>
    public int Dimension => Parameters.Count;

    /// <summary>The cheap starting point, in the unit cube.</summary>
    public double[] DefaultPoint => Parameters.Select(p => p.ToUnit(p.Default)).ToArray();

    /// <summary>The catalog's search space of <paramref name="trainer"/>, with ranges narrowed by <paramref name="ranges"/>.</summary>
    public static SearchSpace For(Trainer trainer, IEnumerable<SearchRange>? ranges = null)
    {
        var field = typeof(Trainer).GetField(trainer.ToString(), BindingFlags.Public | BindingFlags.Static)
            ?? throw new ArgumentOutOfRangeException(nameof(trainer), trainer, "Not a member of Trainer.");
        var narrowed = (ranges ?? []).Where(r => r.Trainer == trainer).ToDictionary(r => r.Hyperparameter, StringComparer.Ordinal);
        var parameters = field.GetCustomAttributes<HyperparameterAttribute>()
            .Select(a =>
            {
                var (min, max) = narrowed.TryGetValue(a.Name, out var range) ? (range.Min, range.Max) : (a.Min, a.Max);
                return new Hyperparameter(a.Name, a.Kind, min, max, Math.Clamp(a.Default, min, max), a.Log, a.Choices);
            })
            .ToArray();

        var unknown = narrowed.Keys.Except(parameters.Select(p => p.Name)).FirstOrDefault();
        return unknown is null
            ? new SearchSpace(trainer, parameters)
            : throw new ArgumentException($"{trainer} has no hyperparameter '{unknown}'; it has {string.Join(", ", parameters.Select(p => p.Name))}.", nameof(ranges));
    }

    /// <summary>The configuration at a point of the unit cube.</summary>
    public IReadOnlyDictionary<string, string> Decode(IReadOnlyList<double> point) =>
        new SortedDictionary<string, string>(
            Parameters.Select((p, i) => (p.Name, p.Format(p.FromUnit(point[i])))).ToDictionary(x => x.Name, x => x.Item2),
            StringComparer.Ordinal);

    /// <summary>The point of a configuration; a missing hyperparameter takes its default.</summary>
    public double[] Encode(IReadOnlyDictionary<string, string> configuration) =>
        Parameters.Select(p => p.ToUnit(configuration.TryGetValue(p.Name, out var text) ? p.Parse(text) : p.Default)).ToArray();

    /// <summary>Sets each hyperparameter of <paramref name="configuration"/> on an ML.NET options object (fields or properties).</summary>
    public static void Apply(object options, IReadOnlyDictionary<string, string> configuration)
    {
        foreach (var (name, text) in configuration)
        {
            var member = options.GetType().GetMember(name, BindingFlags.Public | BindingFlags.Instance).FirstOrDefault()
                ?? throw new ArgumentException($"{options.GetType().Name} has no option '{name}'.", nameof(configuration));
            var type = member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;
            var target = Nullable.GetUnderlyingType(type) ?? type;
            object value = target == typeof(bool)
                ? bool.Parse(text)
                : Convert.ChangeType(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), target, CultureInfo.InvariantCulture);
            if (member is FieldInfo field)
            {
                field.SetValue(options, value);
            }
            else
            {
                ((PropertyInfo)member).SetValue(options, value);
            }
        }
    }
}
