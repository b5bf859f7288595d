using System;
using System.Globalization;
using System.Linq;
using MathNet.Numerics.Differentiation;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace DeZero.Samples.MathNet;

/// <summary>
/// Hands the generated <c>RosenbrockWithGradient</c> to an optimiser users already have, Math.NET Numerics' BFGS, and
/// minimises Rosenbrock's function in 100 dimensions.
/// </summary>
internal static class Program
{
    private const int Dimensions = 100;

    private static void Main()
    {
        // The classic start, (-1.2, 1) repeated: far down the valley's wrong side.
        var start = Vector<double>.Build.Dense(Dimensions, i => i % 2 == 0 ? -1.2 : 1.0);
        Console.WriteLine($"Rosenbrock's function in {Dimensions} dimensions, from (-1.2, 1, -1.2, 1, ...)");
        Console.WriteLine($"f at the start: {Format(Objectives.Rosenbrock(Values(start)))}");

        // The gradient the compiler wrote, against Math.NET's own numerical one (central differences).
        var (_, generated) = Objectives.RosenbrockWithGradient(Values(start));
        double[] numerical = new NumericalJacobian().Evaluate(x => Objectives.Rosenbrock(x), start.ToArray());
        double largest = generated.Max(Math.Abs);
        double difference = generated.Zip(numerical, (g, d) => Math.Abs(g - d)).Max();
        Console.WriteLine($"generated gradient against Math.NET's numerical one at the start: largest difference {Format(difference / largest)} of its largest element");

        // BFGS asks for the value and the gradient at a point: one call of the generated method, the gradient written
        // straight into the storage of the vector handed back. A new vector each time, because BFGS keeps the last one.
        int evaluations = 0;
        var objective = ObjectiveFunction.Gradient(x =>
        {
            evaluations++;
            var gradient = new double[Dimensions];
            double value = Objectives.RosenbrockWithGradient(Values(x), gradient);
            return (value, Vector<double>.Build.Dense(gradient));
        });

        var minimizer = new BfgsMinimizer(gradientTolerance: 1e-10, parameterTolerance: 1e-15, functionProgressTolerance: 1e-15, maximumIterations: 10_000);
        var result = minimizer.FindMinimum(objective, start);

        var minimum = result.MinimizingPoint;
        Console.WriteLine($"BFGS (Math.NET Numerics 5): {result.ReasonForExit} after {result.Iterations} iterations, {evaluations} gradients");
        var (value, gradientThere) = Objectives.RosenbrockWithGradient(Values(minimum));
        Console.WriteLine($"f at the minimum: {Format(value)}");
        Console.WriteLine($"largest element of the gradient there: {Format(gradientThere.Max(Math.Abs))}");
        Console.WriteLine($"first five coordinates: {string.Join(", ", minimum.Take(5).Select(v => v.ToString("F9", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"largest |x[i] - 1|: {Format(minimum.Select(v => Math.Abs(v - 1)).Max())}");
    }

    /// <summary>A vector's elements as a span: the storage itself for a dense vector, a copy otherwise.</summary>
    private static double[] Values(Vector<double> vector) => vector.AsArray() ?? vector.ToArray();

    private static string Format(double value) => value.ToString("0.###e+0", CultureInfo.InvariantCulture);
}
