package io.llmfleet.classifier.training;

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search, for smooth convex
 * objectives such as L2-regularised logistic regression. Deterministic: the same function
 * and start give the same iterates, with no randomness at all.
 */
final class Lbfgs {

	/** An objective: fills {@code gradient} at {@code x} and returns the value. */
	@FunctionalInterface
	interface Objective {

		double evaluate(double[] x, double[] gradient);

	}

	private final int memory;

	private final int maxIterations;

	private final double tolerance;

	Lbfgs(int memory, int maxIterations, double tolerance) {
		this.memory = memory;
		this.maxIterations = maxIterations;
		this.tolerance = tolerance;
	}

	/** Minimises {@code f} from {@code x}, in place; returns the iterations used. */
	int minimize(Objective f, double[] x) {
		int n = x.length;
		double[][] s = new double[this.memory][n];
		double[][] y = new double[this.memory][n];
		double[] rho = new double[this.memory];
		double[] alpha = new double[this.memory];
		double[] gradient = new double[n];
		double[] nextGradient = new double[n];
		double[] direction = new double[n];
		double[] next = new double[n];
		double value = f.evaluate(x, gradient);
		int head = -1;
		int stored = 0;
		int iteration = 0;
		while (iteration < this.maxIterations) {
			iteration++;
			direction(gradient, direction, s, y, rho, alpha, head, stored);
			double slope = dot(gradient, direction);
			if (slope >= 0) {
				// Not a descent direction (numerical trouble): restart from steepest
				// descent.
				stored = 0;
				direction(gradient, direction, s, y, rho, alpha, head, 0);
				slope = dot(gradient, direction);
			}
			double step = 1;
			double nextValue;
			int backtracks = 0;
			while (true) {
				for (int i = 0; i < n; i++) {
					next[i] = x[i] + step * direction[i];
				}
				nextValue = f.evaluate(next, nextGradient);
				if (nextValue <= value + 1e-4 * step * slope || ++backtracks > 40) {
					break;
				}
				step *= 0.5;
			}
			int slot = (head + 1) % this.memory;
			double ys = 0;
			for (int i = 0; i < n; i++) {
				s[slot][i] = next[i] - x[i];
				y[slot][i] = nextGradient[i] - gradient[i];
				ys += s[slot][i] * y[slot][i];
			}
			double improvement = value - nextValue;
			System.arraycopy(next, 0, x, 0, n);
			System.arraycopy(nextGradient, 0, gradient, 0, n);
			value = nextValue;
			if (ys > 1e-12) {
				head = slot;
				rho[slot] = 1.0 / ys;
				stored = Math.min(stored + 1, this.memory);
			}
			else {
				stored = 0;
			}
			if (improvement <= this.tolerance * Math.max(1, Math.abs(value))) {
				break;
			}
		}
		return iteration;
	}

	/** The two-loop recursion: {@code direction = -H * gradient}. */
	private void direction(double[] gradient, double[] direction, double[][] s, double[][] y, double[] rho,
			double[] alpha, int head, int stored) {
		System.arraycopy(gradient, 0, direction, 0, gradient.length);
		for (int k = 0; k < stored; k++) {
			int slot = Math.floorMod(head - k, this.memory);
			alpha[slot] = rho[slot] * dot(s[slot], direction);
			axpy(-alpha[slot], y[slot], direction);
		}
		if (stored > 0) {
			scale(direction, 1.0 / (rho[head] * dot(y[head], y[head])));
		}
		else {
			scale(direction, 1.0 / Math.max(1e-12, Math.sqrt(dot(gradient, gradient))));
		}
		for (int k = stored - 1; k >= 0; k--) {
			int slot = Math.floorMod(head - k, this.memory);
			double beta = rho[slot] * dot(y[slot], direction);
			axpy(alpha[slot] - beta, s[slot], direction);
		}
		scale(direction, -1);
	}

	private static double dot(double[] a, double[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	private static void axpy(double a, double[] x, double[] y) {
		for (int i = 0; i < x.length; i++) {
			y[i] += a * x[i];
		}
	}

	private static void scale(double[] x, double a) {
		for (int i = 0; i < x.length; i++) {
			x[i] *= a;
		}
	}

}
