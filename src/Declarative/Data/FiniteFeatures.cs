using System.Globalization;

namespace Declarative.Data;

/// <summary>
/// The rule a number feature follows wherever a row is read: finite, or NaN when missing. Training refuses infinity in
/// files and in rows; prediction refuses it too, on both engines, instead of scoring a value no model was trained on.
/// </summary>
internal static class FiniteFeatures
{
    /// <summary><paramref name="value"/>, or an <see cref="ArgumentException"/> naming <paramref name="column"/> when it is infinite.</summary>
    public static float Checked(float value, string column) =>
        float.IsInfinity(value)
            ? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The feature '{column}' is {value}; a feature must be finite, or NaN when missing (training refuses it too)."), "row")
            : value;
}
