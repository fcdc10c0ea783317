namespace Declarative.Generators.Model
{
    /// <summary>
    /// The MSBuild properties the generator reads (CompilerVisibleProperty in build/Declarative.props), as one equatable
    /// fact, so a changed property re-parses every pipeline and an unchanged one re-parses none.
    /// </summary>
    /// <param name="ExportOnnx"><c>DeclarativeExportOnnx</c>: the build writes and checks an ONNX export.</param>
    /// <param name="PublishAot"><c>PublishAot</c>: the app is native, and only the portable scorer predicts.</param>
    internal sealed record BuildOptions(bool ExportOnnx, bool PublishAot);
}
