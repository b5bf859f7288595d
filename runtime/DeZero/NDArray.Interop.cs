using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DeZero;

// Conversions to and from System.Numerics.Tensors.Tensor<double>, spans and .NET arrays of any rank.
// Every one copies, in both directions, so that neither side can change the other afterwards; the one
// way to share storage is the explicit NDArray.Wrap(double[]).
public sealed partial class NDArray
{
    /// <summary>Copies the elements and shape of <paramref name="tensor"/> into a new array.</summary>
    public static NDArray FromTensor(Tensor<double> tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var lengths = tensor.Lengths;
        var shape = new int[lengths.Length];
        for (var axis = 0; axis < shape.Length; axis++)
        {
            shape[axis] = checked((int)lengths[axis]);
        }

        var data = new double[checked((int)tensor.FlattenedLength)];
        tensor.FlattenTo(data);
        return Create(data, Validated(data.Length, shape));
    }

    /// <summary>Copies the elements and shape into a new <see cref="Tensor{T}"/>; a 0-d array becomes a one-element vector.</summary>
    /// <remarks><see cref="Tensor{T}"/> has no rank 0: given no lengths, it makes an empty vector, which would lose the value.</remarks>
    public Tensor<double> ToTensor()
    {
        if (Rank == 0)
        {
            return Tensor.Create(ToArray(), [(nint)1]);
        }

        var lengths = new nint[_shape.Count];
        for (var axis = 0; axis < lengths.Length; axis++)
        {
            lengths[axis] = _shape[axis];
        }

        return Tensor.Create(ToArray(), lengths);
    }

    /// <summary>Copies a <see cref="Tensor{T}"/> into a new array; see <see cref="FromTensor"/>.</summary>
    public static explicit operator NDArray(Tensor<double> tensor) => FromTensor(tensor);

    /// <summary>Copies an array into a new <see cref="Tensor{T}"/>; see <see cref="ToTensor"/>.</summary>
    public static explicit operator Tensor<double>(NDArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        return array.ToTensor();
    }

    /// <summary>Creates an array holding a copy of <paramref name="data"/>, 1-d when no shape is given (copies; only <see cref="Wrap"/> aliases).</summary>
    /// <param name="data">The elements in row-major order; copied.</param>
    /// <param name="shape">The length of each axis; their product must equal the number of elements.</param>
    public static NDArray FromSpan(ReadOnlySpan<double> data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var copy = shape.Length == 0 ? [data.Length] : (int[])shape.Clone();
        return Copy(data, Validated(data.Length, copy));
    }

    /// <summary>Copies the elements in row-major order into <paramref name="destination"/>, which must hold at least <see cref="Size"/> of them.</summary>
    /// <remarks>Elements of <paramref name="destination"/> past <see cref="Size"/> are left as they are. The array never refers to <paramref name="destination"/> afterwards.</remarks>
    /// <param name="destination">Where the elements go, starting at its first element.</param>
    public void CopyTo(Span<double> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} elements but this array of shape {FormatShape(_shape)} has {Size}.",
                nameof(destination));
        }

        AsSpan().CopyTo(destination);
    }

    /// <summary>Copies a .NET array of <see cref="double"/> of any rank (<c>double[]</c>, <c>double[,]</c>, <c>double[,,]</c>, …) into a new array of the same shape (copies; only <see cref="Wrap"/> aliases).</summary>
    /// <remarks>
    /// The shape is the array's lengths, one axis per dimension, and the elements are read in row-major order
    /// (the last index changes fastest), as C# lays out multi-dimensional arrays. Lower bounds other than zero are
    /// ignored: element <c>[lo0, lo1]</c> becomes <c>[0, 0]</c>. A <c>double[]</c> gives a 1-d array; there is no
    /// .NET array of rank 0, so a 0-d array comes from a <see cref="double"/> instead.
    /// </remarks>
    /// <param name="array">An array whose element type is <see cref="double"/>; copied.</param>
    /// <exception cref="ArgumentException">The element type is not <see cref="double"/> (a jagged <c>double[][]</c> included).</exception>
    public static NDArray FromArray(Array array)
    {
        ArgumentNullException.ThrowIfNull(array);
        var elementType = array.GetType().GetElementType();
        if (elementType != typeof(double))
        {
            throw new ArgumentException(
                $"NDArray.FromArray needs an array of double, but got {array.GetType()} whose elements are {elementType}; " +
                "convert the elements to double first (a jagged array must be copied into a multi-dimensional one).",
                nameof(array));
        }

        var shape = new int[array.Rank];
        for (var axis = 0; axis < shape.Length; axis++)
        {
            shape[axis] = array.GetLength(axis);
        }

        return Copy(Elements(array), Dimensions.Of(shape));
    }

    /// <summary>Copies the elements into a new .NET array of the same shape: <c>double[]</c> for rank 1, <c>double[,]</c> for rank 2, and so on (copies; only <see cref="Wrap"/> aliases).</summary>
    /// <remarks>
    /// Cast the result to the type of the rank you expect, or use <see cref="ToArray2D"/>. .NET has no array of
    /// rank 0, so a 0-d array becomes a <c>double[]</c> of one element, as <see cref="ToTensor"/> makes a
    /// one-element vector; .NET arrays have at most 32 dimensions, and a higher-rank array throws.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The array has more than 32 axes.</exception>
    public Array ToMultidimensionalArray()
    {
        if (Rank == 0)
        {
            return ToArray();
        }

        if (Rank > MaxDotNetArrayRank)
        {
            throw new InvalidOperationException(
                $"A .NET array has at most {MaxDotNetArrayRank} dimensions, and this array of shape {FormatShape(_shape)} has {Rank}; use ToArray() for its elements in row-major order.");
        }

        var result = Array.CreateInstance(typeof(double), _shape.ToArray());
        AsSpan().CopyTo(Elements(result));
        return result;
    }

    /// <summary>Copies the elements of a 2-d array into a new <c>double[,]</c> of the same shape (copies; only <see cref="Wrap"/> aliases).</summary>
    /// <exception cref="InvalidOperationException">The array is not 2-d.</exception>
    public double[,] ToArray2D()
    {
        if (Rank != 2)
        {
            throw new InvalidOperationException(
                $"ToArray2D needs a 2-d array, but this one has shape {FormatShape(_shape)} ({Rank} axes); use ToMultidimensionalArray() for any rank.");
        }

        return (double[,])ToMultidimensionalArray();
    }

    private const int MaxDotNetArrayRank = 32;

    // The elements of an array of double of any rank, in memory (row-major) order; the caller has checked the element type.
    private static Span<double> Elements(Array array) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);
}
