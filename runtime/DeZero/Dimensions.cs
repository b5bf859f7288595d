using System;
using System.Collections;
using System.Collections.Generic;

namespace DeZero;

/// <summary>An array's shape: the length of each axis and their product, immutable, so arrays of one shape share one.</summary>
/// <remarks>
/// Elementwise results take their operand's instance, so a graph of a thousand nodes over one shape holds one
/// shape, and comparing two shapes is usually a reference test. It is what <see cref="NDArray.Shape"/> returns: a
/// read-only list that cannot be cast back to an array a caller could change.
/// </remarks>
internal sealed class Dimensions : IReadOnlyList<int>
{
    /// <summary>The shape of every 0-d array.</summary>
    public static readonly Dimensions Scalar = new([], 1);

    private readonly int[] _lengths;

    private Dimensions(int[] lengths, int size)
    {
        _lengths = lengths;
        Size = size;
    }

    /// <summary>The number of elements.</summary>
    public int Size { get; }

    /// <summary>The number of axes.</summary>
    public int Count => _lengths.Length;

    /// <summary>The length of one axis.</summary>
    public int this[int index] => _lengths[index];

    /// <summary>A shape of these lengths, taking ownership of <paramref name="lengths"/>; the empty shape is <see cref="Scalar"/>.</summary>
    /// <exception cref="ArgumentException">An axis is negative, or the product exceeds <see cref="Array.MaxLength"/>.</exception>
    public static Dimensions Of(int[] lengths)
    {
        if (lengths.Length == 0)
        {
            return Scalar;
        }

        long size = 1;
        foreach (var n in lengths)
        {
            if (n < 0)
            {
                throw new ArgumentException($"Shape {NDArray.FormatShape(lengths)} has a negative axis length.", "shape");
            }

            size *= n;
            if (size > Array.MaxLength)
            {
                throw new ArgumentException($"Shape {NDArray.FormatShape(lengths)} has too many elements.", "shape");
            }
        }

        return new Dimensions(lengths, (int)size);
    }

    /// <summary>A 1-d shape of <paramref name="length"/> elements.</summary>
    public static Dimensions Vector(int length) => new([length], length);

    /// <summary>Whether two shapes have the same lengths.</summary>
    public bool SameAs(Dimensions other) =>
        ReferenceEquals(this, other) || (Size == other.Size && _lengths.AsSpan().SequenceEqual(other._lengths));

    /// <summary>The lengths, for APIs that take them as an array; a copy.</summary>
    public int[] ToArray() => (int[])_lengths.Clone();

    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)_lengths).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>numpy's form: <c>()</c>, <c>(3,)</c>, <c>(2, 3)</c>.</summary>
    public override string ToString() => NDArray.FormatShape(this);
}
