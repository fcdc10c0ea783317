namespace Declarative.Schema;

/// <summary>Work on a spec whose row type the caller does not know (the build sees <see cref="IPipelineSpec"/> only).</summary>
/// <typeparam name="T">The result.</typeparam>
internal interface ISpecVisitor<out T>
{
    T Visit<TRow>(PipelineSpec<TRow> spec);
}
