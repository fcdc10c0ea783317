// Shared with the source generator, which compiles this file too: it stores the value by member, never as a number.
#if !DECLARATIVE_GENERATOR
namespace Declarative;
#else
namespace Declarative.Generators.Shared;
#endif

/// <summary>How an [Image] feature becomes numbers.</summary>
public enum ImageEncoder
{
    /// <summary>
    /// ResNet-18 pre-trained on ImageNet (512 numbers an image, the output of its last pooling layer), from the optional
    /// package <c>Declarative.Vision</c>, which carries the 64 MB model so the core package does not. The default.
    /// </summary>
    ResNet18 = 0,
}
