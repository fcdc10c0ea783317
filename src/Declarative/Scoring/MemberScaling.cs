namespace Declarative.Scoring;

/// <summary>
/// An ensemble member's own scaling of the features its members share, <c>(x − offset) · scale</c> per slot, as ML.NET's
/// normalizer computes it (in float); the scorer, the explainer and the explanation basis apply it alike.
/// </summary>
internal sealed class MemberScaling
{
    private readonly float[]? _scale;
    private readonly float[]? _offset;

    private MemberScaling(float[]? scale, float[]? offset) => (_scale, _offset) = (scale, offset);

    /// <summary>The member's scaling, checked against the number of shared slots.</summary>
    public static MemberScaling Of(PortableMember member, int slots, string source)
    {
        if ((member.Scale is { } scale && scale.Count != slots) || (member.Offset is { } offset && offset.Count != slots) || (member.Offset is not null && member.Scale is null)
            || !double.IsFinite(member.Weight) || member.Weight < 0)
        {
            throw new ModelFileException(source, $"An ensemble member of the portable model has weight {member.Weight} and scales {member.Scale?.Count} slots of {slots}.");
        }

        return new MemberScaling(member.Scale is null ? null : [.. member.Scale], member.Offset is null ? null : [.. member.Offset]);
    }

    /// <summary>The member's features: <paramref name="features"/> itself when it takes them as they are, else scaled into <paramref name="scratch"/>.</summary>
    public ReadOnlySpan<float> Apply(ReadOnlySpan<float> features, Span<float> scratch)
    {
        if (_scale is not { } scale)
        {
            return features;
        }

        for (var i = 0; i < scale.Length; i++)
        {
            scratch[i] = (features[i] - (_offset is { } offset ? offset[i] : 0f)) * scale[i];
        }

        return scratch[..scale.Length];
    }

    /// <summary>As <see cref="Apply(ReadOnlySpan{float}, Span{float})"/>, for callers that hold arrays.</summary>
    public float[] Apply(float[] features, float[] scratch)
    {
        if (_scale is null)
        {
            return features;
        }

        Apply(features.AsSpan(), scratch.AsSpan());
        return scratch;
    }
}
