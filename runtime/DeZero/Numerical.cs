using System;

namespace DeZero;

/// <summary>Numerical differentiation by central differences, and gradient checking (DeZero's <c>numerical_diff</c>, <c>gradient_check</c>).</summary>
public static class Numerical
{
    /// <summary>The relative tolerance of <see cref="GradientCheck(Func{Variable[], Variable}, NDArray[])"/>, DeZero's <c>rtol</c>.</summary>
    public const double RelativeTolerance = 1e-4;

    /// <summary>The absolute tolerance of <see cref="GradientCheck(Func{Variable[], Variable}, NDArray[])"/>, DeZero's <c>atol</c>.</summary>
    public const double AbsoluteTolerance = 1e-5;

    /// <summary>The seed's <c>numerical_diff(f, x, eps)</c>: calls <paramref name="f"/> twice, at x - eps and x + eps.</summary>
    /// <param name="f">A function instance, called twice as the seed calls it.</param>
    /// <param name="x">The point.</param>
    /// <param name="eps">Half the step.</param>
    public static NDArray Diff(Function f, Variable x, double eps = 1e-4)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Diff(v => f.Call(v), x, eps);
    }

    /// <summary>The seed's <c>numerical_diff(f, x, eps)</c> for any function of one variable.</summary>
    /// <param name="f">The function, called at x - eps and x + eps.</param>
    /// <param name="x">The point.</param>
    /// <param name="eps">Half the step.</param>
    public static NDArray Diff(Func<Variable, Variable> f, Variable x, double eps = 1e-4)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);

        // The seed's operations in the seed's order, so its printed digits come out exactly.
        var x0 = new Variable(x.Data - eps);
        var x1 = new Variable(x.Data + eps);
        var y0 = f(x0);
        var y1 = f(x1);
        return (y1.Data - y0.Data) / (2 * eps);
    }

    /// <summary>Whether backprop through <paramref name="f"/> agrees with central differences at <paramref name="inputs"/>, for every element of every input.</summary>
    /// <param name="f">The function; a non-scalar output is checked through the sum of its elements.</param>
    /// <param name="inputs">The point; not modified.</param>
    public static bool GradientCheck(Func<Variable[], Variable> f, params NDArray[] inputs) =>
        CompareGradients(f, inputs).Passed;

    /// <summary>Whether backprop through a function instance agrees with central differences at <paramref name="inputs"/>.</summary>
    /// <param name="f">The function instance; called once per perturbed element and once with backprop.</param>
    /// <param name="inputs">The point; not modified.</param>
    public static bool GradientCheck(Function f, params NDArray[] inputs) =>
        CompareGradients(f, inputs).Passed;

    /// <summary>Compares backprop with central differences like <see cref="GradientCheck(Func{Variable[], Variable}, NDArray[])"/>, and reports the worst element.</summary>
    /// <param name="f">The function; a non-scalar output is checked through the sum of its elements.</param>
    /// <param name="inputs">The point; not modified.</param>
    public static GradientComparison CompareGradients(Func<Variable[], Variable> f, params NDArray[] inputs)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(inputs);
        for (var i = 0; i < inputs.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(inputs[i], nameof(inputs));
        }

        var numerical = NumericalGradients(f, inputs);

        var variables = Array.ConvertAll(inputs, x => new Variable(x));
        f(variables).Backward();

        var worst = GradientComparison.Empty;
        for (var i = 0; i < inputs.Length; i++)
        {
            var backprop = variables[i].Grad ?? NDArray.ZerosLike(inputs[i]);
            for (var j = 0; j < inputs[i].Size; j++)
            {
                var candidate = GradientComparison.For(i, j, numerical[i][j], backprop.AsSpan()[j], RelativeTolerance, AbsoluteTolerance);
                if (worst.Input < 0 || candidate.Excess > worst.Excess || (double.IsNaN(candidate.Excess) && !double.IsNaN(worst.Excess)))
                {
                    worst = candidate;
                }
            }
        }

        return worst;
    }

    /// <summary>Compares backprop through a function instance with central differences, and reports the worst element.</summary>
    /// <param name="f">The function instance.</param>
    /// <param name="inputs">The point; not modified.</param>
    public static GradientComparison CompareGradients(Function f, params NDArray[] inputs)
    {
        ArgumentNullException.ThrowIfNull(f);
        return CompareGradients(f.Call, inputs);
    }

    // DeZero's numerical_grad, generalised to several inputs: perturb one element at a time, sum the output.
    // The perturbed evaluations record no graph: only their values matter.
    private static double[][] NumericalGradients(Func<Variable[], Variable> f, NDArray[] inputs)
    {
        const double eps = 1e-4;
        var gradients = new double[inputs.Length][];
        using var _ = Config.NoGrad();
        for (var i = 0; i < inputs.Length; i++)
        {
            gradients[i] = new double[inputs[i].Size];
            for (var j = 0; j < inputs[i].Size; j++)
            {
                var plus = Evaluate(f, inputs, i, j, +eps);
                var minus = Evaluate(f, inputs, i, j, -eps);
                gradients[i][j] = NDArray.Sum(plus - minus).Item() / (2 * eps);
            }
        }

        return gradients;
    }

    private static NDArray Evaluate(Func<Variable[], Variable> f, NDArray[] inputs, int which, int element, double delta)
    {
        var variables = new Variable[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            if (i == which)
            {
                var data = inputs[i].ToArray();
                data[element] += delta;
                variables[i] = new Variable(NDArray.Copy(data, inputs[i].Dims));
            }
            else
            {
                variables[i] = new Variable(inputs[i]);
            }
        }

        return f(variables).Data;
    }
}
