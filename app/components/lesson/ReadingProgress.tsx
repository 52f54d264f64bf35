'use client';

import { useEffect, useRef } from 'react';

/** A thin bar along the top of the window: how far through the lesson the reader is. Decorative. */
export default function ReadingProgress({ targetId }: { targetId: string }) {
  const bar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const target = document.getElementById(targetId);
      const element = bar.current;
      if (!target || !element) return;
      const rect = target.getBoundingClientRect();
      const total = rect.height - window.innerHeight;
      const ratio = total <= 0 ? 1 : Math.min(1, Math.max(0, -rect.top / total));
      element.style.transform = `scaleX(${ratio})`;
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    const observer = new ResizeObserver(schedule);
    const target = document.getElementById(targetId);
    if (target) observer.observe(target);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      observer.disconnect();
    };
  }, [targetId]);

  return (
    <div aria-hidden="true" className="pointer-events-none fixed inset-x-0 top-0 z-50 h-[3px]">
      <div
        ref={bar}
        data-testid="reading-progress"
        className="h-full origin-left bg-red-700 dark:bg-red-400"
        style={{ transform: 'scaleX(0)' }}
      />
    </div>
  );
}
