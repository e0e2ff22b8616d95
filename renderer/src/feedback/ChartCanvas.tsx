import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

// Only the pieces the reports draw (bars and lines), not the whole library.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Ubuntu, Cantarell, 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.font.size = 13;
Chart.defaults.color = '#5d6878';
Chart.defaults.borderColor = '#e3e7ed';
// Still pictures: a chart that settles at once reads (and prints, and screenshots) the same every time.
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

/**
 * A chart.js chart in a canvas that fills its box (the box sets the height). The canvas is an image
 * for screen readers, with a one-line summary; each chart has the same numbers as a table next to it.
 */
export function ChartCanvas({ config, label, className = '' }: { config: ChartConfiguration; label: string; className?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const chart = new Chart(canvas, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className={`fb-chart ${className}`}>
      <canvas ref={ref} role="img" aria-label={label} />
    </div>
  );
}
