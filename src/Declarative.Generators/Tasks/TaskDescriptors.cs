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

        /// <summary>The titles of the tasks that have a fact, in words for a message ("binary classification, regression and ranking").</summary>
        public static string Titles(System.Func<TaskDescriptor, bool> fact)
        {
            var titles = All.Where(fact).Select(t => t.Title).ToList();
            return titles.Count < 2 ? string.Join("", titles) : string.Join(", ", titles.Take(titles.Count - 1)) + " and " + titles[titles.Count - 1];
        }
    }
}
