using System;
using DeZero;

namespace DeZero.Samples;

/// <summary>The seed's steps 1-10, one titled section each, printing the numbers the seed prints; then what the generator adds.</summary>
internal static class Program
{
    private static void Main()
    {
        Step1();
        Step2();
        Step3();
        Step4();
        Step5();
        Step6();
        Step7();
        Step8();
        Step9();
        Step10();
        CompilerWrittenDerivatives();
        MinimiseRosenbrock();
        FitLogisticRegression();
        DrawingTheGraph();
    }

    private static void Title(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title} ==");
    }

    private static void Step1()
    {
        Title("Step 1: the variable as a box");
        NDArray data = 1.0;
        var x = new Variable(data);
        Console.WriteLine(x.Data);     // 1.0

        x.Data = 2.0;
        Console.WriteLine(x.Data);     // 2.0

        // 1.3: a 0-d array is a scalar, 1-d a vector, 2-d a matrix.
        NDArray scalar = 1.0;
        var vector = new NDArray([1.0, 2.0, 3.0]);
        var matrix = new NDArray([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2, 3);
        Console.WriteLine($"rank {scalar.Rank}, {vector.Rank}, {matrix.Rank}");
        Console.WriteLine(matrix);
    }

    private static void Step2()
    {
        Title("Step 2: functions that make variables");
        var x = new Variable(10.0);
        var f = new FixedSquarer();
        var y = f.Call(x);
        Console.WriteLine(y.GetType()); // DeZero.Variable
        Console.WriteLine(y.Data);      // 100.0 (the seed prints 100: its array holds integers)

        // The squaring moves into a subclass of Function; Call is inherited.
        Function square = new Square();
        Console.WriteLine(square.Call(x).Data);
    }

    private static void Step3()
    {
        Title("Step 3: connecting functions");
        var A = new Square();
        var B = new Exp();
        var C = new Square();

        var x = new Variable(0.5);
        var a = A.Call(x);
        var b = B.Call(a);
        var y = C.Call(b);
        Console.WriteLine(y.Data);      // 1.648721270700128
    }

    private static void Step4()
    {
        Title("Step 4: numerical differentiation");
        var f = new Square();
        var x = new Variable(2.0);
        var dy = Numerical.Diff(f, x);
        Console.WriteLine(dy);          // 4.000000000004

        // 4.3: the derivative of a composite function, y = (e^(x^2))^2.
        static Variable F(Variable x)
        {
            var A = new Square();
            var B = new Exp();
            var C = new Square();
            return C.Call(B.Call(A.Call(x)));
        }

        x = new Variable(0.5);
        dy = Numerical.Diff(F, x);
        Console.WriteLine(dy);          // 3.2974426293330694
    }

    private static void Step5()
    {
        Title("Step 5: the theory of backpropagation");
        // No code in the seed: the chain rule read from the output back to the input.
        Console.WriteLine("dy/dx = ((dy/dy * dy/db) * db/da) * da/dx, with dy/dy = 1");
    }

    private static void Step6()
    {
        Title("Step 6: manual backpropagation");
        var A = new Square();
        var B = new Exp();
        var C = new Square();

        var x = new Variable(0.5);
        var a = A.Call(x);
        var b = B.Call(a);
        var y = C.Call(b);              // the seed names it c here, then uses y: a typo

        y.Grad = 1.0;
        b.Grad = C.Backward(y.Grad);
        a.Grad = B.Backward(b.Grad);
        x.Grad = A.Backward(a.Grad);
        Console.WriteLine(x.Grad);      // 3.297442541400256
    }

    private static void Step7()
    {
        Title("Step 7: automating backpropagation");
        Function A = new Square();
        Function B = new Exp();
        Function C = new Square();

        var x = new Variable(0.5);
        var a = A.Call(x);
        var b = B.Call(a);
        var y = C.Call(b);

        // 7.1: walk the graph backwards through the creator links.
        Console.WriteLine(y.Creator == C);
        Console.WriteLine(y.Creator!.Input == b);
        Console.WriteLine(y.Creator.Input.Creator == B);
        Console.WriteLine(y.Creator.Input.Creator!.Input == a);
        Console.WriteLine(y.Creator.Input.Creator.Input.Creator == A);
        Console.WriteLine(y.Creator.Input.Creator.Input.Creator!.Input == x);

        // 7.2: backpropagate by hand, following those links.
        y.Grad = 1.0;

        C = y.Creator;                  // 1. get the function
        b = C.Input;                    // 2. get its input
        b.Grad = C.Backward(y.Grad);    // 3. call its backward

        B = b.Creator!;
        a = B.Input;
        a.Grad = B.Backward(b.Grad);

        A = a.Creator!;
        x = A.Input;
        x.Grad = A.Backward(a.Grad);
        Console.WriteLine(x.Grad);      // 3.297442541400256

        // 7.3: the same walk done by Variable.Backward, on a fresh graph.
        x = new Variable(0.5);
        y = new Square().Call(new Exp().Call(new Square().Call(x)));
        y.Grad = 1.0;
        y.Backward();
        Console.WriteLine(x.Grad);      // 3.297442541400256
    }

    private static void Step8()
    {
        Title("Step 8: from recursion to a loop");
        var A = new Square();
        var B = new Exp();
        var C = new Square();

        var x = new Variable(0.5);
        var a = A.Call(x);
        var b = B.Call(a);
        var y = C.Call(b);

        // Variable.Backward is a loop over a queue of functions: no recursion, so no depth limit.
        y.Grad = 1.0;
        y.Backward();
        Console.WriteLine(x.Grad);      // 3.297442541400256
    }

    private static void Step9()
    {
        Title("Step 9: making functions more convenient");
        // Plain functions instead of classes, and no need to seed y.Grad: Backward starts from ones.
        var x = new Variable(0.5);
        var y = Functions.Square(Functions.Exp(Functions.Square(x)));
        y.Backward();
        Console.WriteLine(x.Grad);      // 3.297442541400256
    }

    private static void Step10()
    {
        Title("Step 10: testing");
        var x = new Variable(2.0);
        Console.WriteLine(Functions.Square(x).Data);  // forward: 4.0

        x = new Variable(3.0);
        Functions.Square(x).Backward();
        Console.WriteLine(x.Grad);                     // backward: 6.0

        // Gradient check: backprop against central differences at a random point.
        var random = new Random(0);
        NDArray point = random.NextDouble();
        var check = Numerical.CompareGradients(xs => Functions.Square(xs[0]), point);
        Console.WriteLine($"gradient check at {point}: {check.Passed}");
        Console.WriteLine(check);
    }

    private static void CompilerWrittenDerivatives()
    {
        Title("The same functions, with derivatives written by the compiler");
        // Square, Exp and F are ordinary methods marked [Differentiable] (Calculus.cs); the generator
        // wrote their graph nodes and their value-and-gradient methods.
        var x = new Variable(0.5);
        var y = Calculus.F(x);          // one graph node for the whole of F
        y.Backward();
        Console.WriteLine(y.Data);      // 1.648721270700128
        Console.WriteLine(x.Grad);      // 3.297442541400256

        var (value, dx) = Calculus.FWithGradient(0.5);   // no graph at all
        Console.WriteLine($"{(NDArray)value} {(NDArray)dx}");   // 1.648721270700128 3.297442541400256
    }

    private static void MinimiseRosenbrock()
    {
        Title("Gradient descent on Rosenbrock's function with RosenbrockWithGradient");
        double x = 0.0, y = 2.0;
        const double learningRate = 0.001;
        for (var step = 0; step <= 50000; step++)
        {
            var (value, dx, dy) = Calculus.RosenbrockWithGradient(x, y);
            if (step % 10000 == 0)
            {
                Console.WriteLine($"step {step,5}: f({(NDArray)x}, {(NDArray)y}) = {(NDArray)value}");
            }

            x -= learningRate * dx;
            y -= learningRate * dy;
        }

        Console.WriteLine($"minimum near ({Math.Round(x, 4)}, {Math.Round(y, 4)}); the true one is (1, 1)");
    }

    private static void FitLogisticRegression()
    {
        Title("Arrays in, gradient out: logistic regression by gradient descent");
        // LogisticRegression.Loss takes spans (LogisticRegression.cs); the generator wrote LossWithGradient, which
        // writes the gradient into our arrays, and the graph node Loss(Variable w, Variable b, NDArray xs, NDArray ys).
        LogisticRegression.FitBothWays();
    }

    private static void DrawingTheGraph()
    {
        Title("Drawing the graph");
        // The seed's square(exp(square(x))), with named variables so the picture labels them.
        var x = new Variable(0.5, "x");
        var a = Functions.Square(x);
        a.Name = "a";
        var b = Functions.Exp(a);
        b.Name = "b";
        var y = Functions.Square(b);
        y.Name = "y";
        Console.WriteLine(Graphviz.ToDot(y));

        // Rendering runs Graphviz's dot; without it (or if it fails or hangs), say why and go on.
        try
        {
            // Into the temp folder, so running the sample leaves nothing in the working tree.
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dezero-graph.png");
            Graphviz.Render(y, path);
            Console.WriteLine($"wrote {path}");
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            Console.WriteLine($"graph.png not drawn: {e.Message}");
        }
    }
}
