namespace DeZero.Tests;

/// <summary>The seed's <c>Square</c>, written as a reader of the book writes it.</summary>
public sealed class Square : Function
{
    public override NDArray Forward(NDArray x) => x * x;

    public override NDArray Backward(NDArray gy)
    {
        var x = Input.Data;
        var gx = 2 * x * gy;
        return gx;
    }
}

/// <summary>The seed's <c>Exp</c>, written as a reader of the book writes it.</summary>
public sealed class Exp : Function
{
    public override NDArray Forward(NDArray x) => NDArray.Exp(x);

    public override NDArray Backward(NDArray gy)
    {
        var x = Input.Data;
        var gx = NDArray.Exp(x) * gy;
        return gx;
    }
}
