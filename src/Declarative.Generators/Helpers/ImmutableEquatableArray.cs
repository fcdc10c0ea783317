using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace Declarative.Generators.Helpers
{
    /// <summary>
    /// An immutable array compared by its items, so that models holding collections compare equal when their
    /// contents do and the incremental pipeline can cache them.
    /// </summary>
    internal sealed class ImmutableEquatableArray<T> : IEquatable<ImmutableEquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        public static readonly ImmutableEquatableArray<T> Empty = new(Array.Empty<T>());

        private readonly T[] _items;

        public ImmutableEquatableArray(IEnumerable<T> items) => _items = items.ToArray();

        public int Count => _items.Length;

        public T this[int index] => _items[index];

        public bool Equals(ImmutableEquatableArray<T>? other) =>
            other is not null && (ReferenceEquals(this, other) || _items.SequenceEqual(other._items));

        public override bool Equals(object? obj) => Equals(obj as ImmutableEquatableArray<T>);

        public override int GetHashCode()
        {
            var hash = 17;
            foreach (var item in _items)
            {
                hash = unchecked((hash * 31) + (item?.GetHashCode() ?? 0));
            }

            return hash;
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
    }

    internal static class ImmutableEquatableArray
    {
        public static ImmutableEquatableArray<T> ToImmutableEquatableArray<T>(this IEnumerable<T> items)
            where T : IEquatable<T> => new(items);
    }
}
