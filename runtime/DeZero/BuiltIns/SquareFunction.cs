namespace DeZero;

/// <summary>y = x², the seed's <c>Square</c>.</summary>
internal sealed class SquareFunction : Function
{
    public override NDArray Forward(NDArray x) => x * x;

    public override NDArray Backward(NDArray gy) => 2 * Input.Data * gy;
}
