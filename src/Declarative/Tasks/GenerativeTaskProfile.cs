using Declarative.Schema;

namespace Declarative.Tasks;

/// <summary>
/// A task that samples rows instead of predicting them (a synthesizer): it trains no ML.NET model and is measured by its
/// own report, so it has only what the report and the build read of every task (its facts and its sections).
/// </summary>
internal abstract class GenerativeTaskProfile(TaskDefinition definition) : TaskProfile(definition);
