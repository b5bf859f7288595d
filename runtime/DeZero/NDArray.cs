using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace DeZero;

/// <summary>An n-dimensional, contiguous, row-major array of <see cref="double"/>; a 0-d array is a scalar.</summary>
/// <remarks>
/// No operation mutates an array that a user can reach: arithmetic and math always allocate a new one, and no array
/// is ever pooled.
/// Equality is reference equality, as for the graph's variables and functions.
/// </remarks>
public sealed partial class NDArray
{
    // One element made by the runtime (every 0-d array among them) lives in _scalar, and _data is null: a graph of
    // scalars then costs one object per array instead of two. Arrays from Wrap always keep the caller's storage.
    private readonly double[]? _data;
    private readonly double _scalar;
    private readonly Dimensions _shape;

    /// <summary>Creates an array holding a copy of <paramref name="data"/>, 1-d when no shape is given.</summary>
    /// <param name="data">The elements in row-major order; copied.</param>
    /// <param name="shape">The length of each axis; their product must equal the number of elements.</param>
    public NDArray(double[] data, params int[] shape)
        : this(Validated(CheckedData(data).Length, ShapeOrVector(data, shape)), data)
    {
    }

    // Copies: the one element inline, more into a new array.
    private NDArray(Dimensions shape, ReadOnlySpan<double> data)
    {
        if (shape.Size == 1)
        {
            _scalar = data[0];
        }
        else
        {
            _data = data.ToArray();
        }

        _shape = shape;
    }

    // Takes ownership of data, whose length is shape.Size.
    private NDArray(double[] data, Dimensions shape)
    {
        _data = data;
        _shape = shape;
    }

    // One element, inline; shape.Size is 1.
    private NDArray(double value, Dimensions shape)
    {
        _scalar = value;
        _shape = shape;
    }

    /// <summary>The length of each axis; empty for a 0-d array.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of elements.</summary>
    public int Size => _shape.Size;

    /// <summary>The number of axes (numpy's <c>ndim</c>); 0 for a scalar.</summary>
    public int Rank => _shape.Count;

    /// <summary>The element at one index per axis, bounds-checked.</summary>
    /// <param name="index">One index per axis; none for a 0-d array.</param>
    [IndexerName("At")]
    public double this[params int[] index] => AsSpan()[Offset(index)];

    /// <summary>Converts a <see cref="double"/> to a 0-d array (the seed's <c>np.array(0.5)</c>).</summary>
    public static implicit operator NDArray(double value) => Scalar(value);

    /// <summary>Creates an array that uses <paramref name="data"/> itself as storage (no copy), 1-d when no shape is given.</summary>
    /// <remarks>The caller promises not to change <paramref name="data"/> afterwards: arrays are treated as immutable.</remarks>
    /// <param name="data">The elements in row-major order; aliased, not copied.</param>
    /// <param name="shape">The length of each axis; their product must equal the number of elements.</param>
    public static NDArray Wrap(double[] data, params int[] shape) =>
        new(CheckedData(data), Validated(data.Length, ShapeOrVector(data, shape)));

    /// <summary>A 0-d array of zeros when no shape is given, otherwise an array of zeros of that shape.</summary>
    public static NDArray Zeros(params int[] shape) => Filled(0.0, shape);

    /// <summary>A 0-d array holding one when no shape is given, otherwise an array of ones of that shape.</summary>
    public static NDArray Ones(params int[] shape) => Filled(1.0, shape);

    /// <summary>An array of zeros with the shape of <paramref name="x"/>.</summary>
    public static NDArray ZerosLike(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Size == 1 ? new NDArray(0.0, x._shape) : new NDArray(new double[x.Size], x._shape);
    }

    /// <summary>An array of ones with the shape of <paramref name="x"/>.</summary>
    public static NDArray OnesLike(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Size == 1)
        {
            // Arrays never change, so every 0-d one (the seed of each scalar backward pass) can be the same.
            return x.Rank == 0 ? One : new NDArray(1.0, x._shape);
        }

        var data = GC.AllocateUninitializedArray<double>(x.Size); // every element is written next
        Array.Fill(data, 1.0);
        return new NDArray(data, x._shape);
    }

    /// <summary>The single element of a one-element array (numpy's <c>item()</c>).</summary>
    public double Item() =>
        Size == 1
            ? AsSpan()[0]
            : throw new InvalidOperationException(
                $"Item() needs an array of exactly one element; this array has shape {FormatShape(_shape)} and {Size} elements.");

    /// <summary>A read-only view of the elements in row-major order.</summary>
    public ReadOnlySpan<double> AsSpan() => _data is { } data ? data : new ReadOnlySpan<double>(in _scalar);

    /// <summary>A copy of the elements in row-major order.</summary>
    public double[] ToArray() => AsSpan().ToArray();

    /// <summary>The 0-d array holding one.</summary>
    internal static readonly NDArray One = new(1.0, Dimensions.Scalar);

    // Shared with the other partial files: a 0-d array.
    internal static NDArray Scalar(double value) => new(value, Dimensions.Scalar);

    // Shared with the other partial files: one element, inline, in a shape of one element.
    internal static NDArray Scalar(double value, Dimensions shape) => new(value, shape);

    // Shared with the other partial files: wraps freshly computed data, whose length is shape.Size, in that shape.
    internal static NDArray Create(double[] data, Dimensions shape) => new(data, shape);

    // A copy of data in exactly this shape (the empty shape meaning 0-d).
    internal static NDArray Copy(ReadOnlySpan<double> data, Dimensions shape) => new(shape, data);

    internal Dimensions Dims => _shape;

    // The elements' array, for the runtime's own loops; null exactly when the one element is held inline.
    internal double[]? Storage => _data;

    internal static string FormatShape(IReadOnlyList<int> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";

    private static NDArray Filled(double value, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var dims = Dimensions.Of((int[])shape.Clone());
        if (dims.Size == 1)
        {
            return new NDArray(value, dims);
        }

        // Zeros come zeroed; any other value is written over every element, so zeroing would be wasted.
        var data = value == 0.0 ? new double[dims.Size] : GC.AllocateUninitializedArray<double>(dims.Size);
        if (value != 0.0)
        {
            Array.Fill(data, value);
        }

        return new NDArray(data, dims);
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

    // The shape, checked against the number of elements given.
    private static Dimensions Validated(int length, int[] shape)
    {
        var dims = Dimensions.Of(shape);
        if (dims.Size != length)
        {
            throw new ArgumentException(
                $"Shape {FormatShape(shape)} holds {dims.Size} elements but the data has {length}.", nameof(shape));
        }

        return dims;
    }

    private int Offset(int[] index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.Length != _shape.Count)
        {
            throw new ArgumentException(
                $"An array of shape {FormatShape(_shape)} takes {_shape.Count} indices, got {index.Length}.", nameof(index));
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
