using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;

namespace DeZero;

/// <summary>An n-dimensional, contiguous, row-major array of <see cref="double"/>; a 0-d array is a scalar.</summary>
/// <remarks>
/// No operation mutates an array that a user can reach: arithmetic and math always allocate a new one.
/// Equality is reference equality, as for the graph's variables and functions.
/// </remarks>
public sealed partial class NDArray
{
    private readonly double[] _data;
    private readonly int[] _shape;
    private ReadOnlyCollection<int>? _shapeView;

    /// <summary>Creates an array holding a copy of <paramref name="data"/>, 1-d when no shape is given.</summary>
    /// <param name="data">The elements in row-major order; copied.</param>
    /// <param name="shape">The length of each axis; their product must equal the number of elements.</param>
    public NDArray(double[] data, params int[] shape)
        : this(CheckedData(data).AsSpan().ToArray(), ShapeOrVector(data, shape), validate: true)
    {
    }

    // Takes ownership of both arrays; every public way in goes through a copy or through Wrap.
    private NDArray(double[] data, int[] shape, bool validate)
    {
        if (validate)
        {
            Validate(data.Length, shape);
        }

        _data = data;
        _shape = shape;
    }

    /// <summary>The length of each axis; empty for a 0-d array.</summary>
    public IReadOnlyList<int> Shape => _shapeView ??= Array.AsReadOnly(_shape);

    /// <summary>The number of elements.</summary>
    public int Size => _data.Length;

    /// <summary>The number of axes (numpy's <c>ndim</c>); 0 for a scalar.</summary>
    public int Rank => _shape.Length;

    /// <summary>The element at one index per axis, bounds-checked.</summary>
    /// <param name="index">One index per axis; none for a 0-d array.</param>
    [IndexerName("At")]
    public double this[params int[] index] => _data[Offset(index)];

    /// <summary>Converts a <see cref="double"/> to a 0-d array (the seed's <c>np.array(0.5)</c>).</summary>
    public static implicit operator NDArray(double value) => Scalar(value);

    /// <summary>Creates an array that uses <paramref name="data"/> itself as storage (no copy), 1-d when no shape is given.</summary>
    /// <remarks>The caller promises not to change <paramref name="data"/> afterwards: arrays are treated as immutable.</remarks>
    /// <param name="data">The elements in row-major order; aliased, not copied.</param>
    /// <param name="shape">The length of each axis; their product must equal the number of elements.</param>
    public static NDArray Wrap(double[] data, params int[] shape) =>
        new(CheckedData(data), ShapeOrVector(data, shape), validate: true);

    /// <summary>A 0-d array of zeros when no shape is given, otherwise an array of zeros of that shape.</summary>
    public static NDArray Zeros(params int[] shape) => Filled(0.0, shape);

    /// <summary>A 0-d array holding one when no shape is given, otherwise an array of ones of that shape.</summary>
    public static NDArray Ones(params int[] shape) => Filled(1.0, shape);

    /// <summary>An array of zeros with the shape of <paramref name="x"/>.</summary>
    public static NDArray ZerosLike(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new NDArray(new double[x.Size], x._shape, validate: false);
    }

    /// <summary>An array of ones with the shape of <paramref name="x"/>.</summary>
    public static NDArray OnesLike(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var data = GC.AllocateUninitializedArray<double>(x.Size); // every element is written next
        Array.Fill(data, 1.0);
        return new NDArray(data, x._shape, validate: false);
    }

    /// <summary>The single element of a one-element array (numpy's <c>item()</c>).</summary>
    public double Item() =>
        Size == 1
            ? _data[0]
            : throw new InvalidOperationException(
                $"Item() needs an array of exactly one element; this array has shape {FormatShape(_shape)} and {Size} elements.");

    /// <summary>A read-only view of the elements in row-major order.</summary>
    public ReadOnlySpan<double> AsSpan() => _data;

    /// <summary>A copy of the elements in row-major order.</summary>
    public double[] ToArray() => (double[])_data.Clone();

    // Shared with the other partial files: a 0-d array without validation.
    internal static NDArray Scalar(double value) => new([value], [], validate: false);

    // Shared with the other partial files: wraps freshly computed data in a given shape.
    internal static NDArray Create(double[] data, int[] shape) => new(data, shape, validate: false);

    // Exact shape, including the empty shape meaning 0-d; copies the shape but aliases the data.
    internal static NDArray WrapExact(double[] data, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        return new NDArray(data, (int[])shape.Clone(), validate: true);
    }

    internal int[] ShapeArray => _shape;

    // The storage itself, for generated code that only reads it (ArrayMethods.Elements).
    internal double[] Storage => _data;

    internal static string FormatShape(IReadOnlyList<int> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";

    private static NDArray Filled(double value, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var copy = (int[])shape.Clone();
        // Zeros come zeroed; any other value is written over every element, so zeroing would be wasted.
        var data = value == 0.0 ? new double[Validate(-1, copy)] : GC.AllocateUninitializedArray<double>(Validate(-1, copy));
        if (value != 0.0)
        {
            Array.Fill(data, value);
        }

        return new NDArray(data, copy, validate: false);
    }

    private static double[] CheckedData(double[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data;
    }

    // "No shape" means 1-d, as numpy's np.array([...]); 0-d arrays come from double or the factories.
    private static int[] ShapeOrVector(double[] data, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Length == 0 ? [data.Length] : (int[])shape.Clone();
    }

    // Returns the element count; checks it against length unless length is -1.
    private static int Validate(int length, int[] shape)
    {
        long size = 1;
        foreach (var n in shape)
        {
            if (n < 0)
            {
                throw new ArgumentException($"Shape {FormatShape(shape)} has a negative axis length.", nameof(shape));
            }

            size *= n;
            if (size > Array.MaxLength)
            {
                throw new ArgumentException($"Shape {FormatShape(shape)} has too many elements.", nameof(shape));
            }
        }

        if (length >= 0 && size != length)
        {
            throw new ArgumentException(
                $"Shape {FormatShape(shape)} holds {size} elements but the data has {length}.", nameof(shape));
        }

        return (int)size;
    }

    private int Offset(int[] index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.Length != _shape.Length)
        {
            throw new ArgumentException(
                $"An array of shape {FormatShape(_shape)} takes {_shape.Length} indices, got {index.Length}.", nameof(index));
        }

        var offset = 0;
        for (var axis = 0; axis < index.Length; axis++)
        {
            if ((uint)index[axis] >= (uint)_shape[axis])
            {
                throw new ArgumentOutOfRangeException(
                    nameof(index),
                    $"Index {index[axis]} is out of range for axis {axis} of length {_shape[axis]} (shape {FormatShape(_shape)}).");
            }

            offset = (offset * _shape[axis]) + index[axis];
        }

        return offset;
    }
}
