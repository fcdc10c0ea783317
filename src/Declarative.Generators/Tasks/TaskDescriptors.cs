using System.Collections.Generic;
using System.Linq;
using Declarative.Generators.Shared;

namespace Declarative.Generators.Tasks
{
    /// <summary>The tasks the generator emits code for: one descriptor per shared <see cref="TaskDefinition"/>, nothing more to add.</summary>
    internal static class TaskDescriptors
    {
        public static IReadOnlyList<TaskDescriptor> All { get; } = TaskDefinitions.All.Select(d => new TaskDescriptor(d)).ToArray();

        public static TaskDescriptor For(MLTask kind) => All.First(d => d.Kind == kind);
    }
}
