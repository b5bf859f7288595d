using System;
using System.Numerics.Tensors;

namespace DeZero;

// Conversions to and from System.Numerics.Tensors.Tensor<double>; they copy in both directions so
// that neither side can change the other afterwards.
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
        return WrapExact(data, shape);
    }

    /// <summary>Copies the elements and shape into a new <see cref="Tensor{T}"/>; a 0-d array becomes a one-element vector.</summary>
    /// <remarks><see cref="Tensor{T}"/> has no rank 0: given no lengths, it makes an empty vector, which would lose the value.</remarks>
    public Tensor<double> ToTensor()
    {
        if (Rank == 0)
        {
            return Tensor.Create(ToArray(), [(nint)1]);
        }

        var lengths = new nint[_shape.Length];
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
}
