//! A force-directed layout (Fruchterman and Reingold, 1991) for the report's network: nodes repel each other,
//! edges pull their ends together, a weak gravity keeps separate components in view. Deterministic: the start
//! positions are a spiral in the nodes' given order, and every step is plain arithmetic in a fixed order.
//! Quadratic in the number of nodes per step, which the report bounds (a few hundred nodes: milliseconds).

/// Positions in `[0, width] x [0, height]`, one per node, for `edges` between node indices.
pub fn layout(n: usize, edges: &[(usize, usize)], width: f64, height: f64) -> Vec<(f64, f64)> {
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![(width / 2.0, height / 2.0)];
    }
    let area = width * height;
    let k = (area / n as f64).sqrt() * 0.75;
    // A golden-angle spiral: well spread, and the first (most connected) nodes in the middle.
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    let radius = width.min(height) / 2.0;
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let r = radius * ((i as f64 + 0.5) / n as f64).sqrt();
            let a = i as f64 * golden;
            (r * a.cos(), r * a.sin())
        })
        .collect();
    let iterations = 300;
    let mut temperature = width.min(height) / 8.0;
    let cooling = temperature / (iterations as f64 + 1.0);
    let mut shift = vec![(0.0f64, 0.0f64); n];
    for _ in 0..iterations {
        shift.iter_mut().for_each(|s| *s = (0.0, 0.0));
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(0.01);
                // Repulsion k²/d along the unit vector: k²·(dx, dy)/d².
                let f = k * k / d2;
                shift[i].0 += dx * f;
                shift[i].1 += dy * f;
                shift[j].0 -= dx * f;
                shift[j].1 -= dy * f;
            }
        }
        for &(a, b) in edges {
            if a == b {
                continue;
            }
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.1);
            // Attraction d²/k along the unit vector: (dx, dy)·d/k.
            let f = d / k;
            shift[a].0 -= dx * f;
            shift[a].1 -= dy * f;
            shift[b].0 += dx * f;
            shift[b].1 += dy * f;
        }
        for i in 0..n {
            // Gravity towards the centre, so that components without edges between them stay near.
            let (x, y) = pos[i];
            let d = (x * x + y * y).sqrt();
            shift[i].0 -= x * d / (k * 6.0);
            shift[i].1 -= y * d / (k * 6.0);
            let (sx, sy) = shift[i];
            let len = (sx * sx + sy * sy).sqrt();
            if len > 0.0 {
                let step = len.min(temperature);
                pos[i].0 += sx / len * step;
                pos[i].1 += sy / len * step;
            }
        }
        temperature -= cooling;
    }
    // Fit the drawing into the box.
    let (mut min_x, mut max_x, mut min_y, mut max_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in &pos {
        min_x = min_x.min(x);
        max_x = max_x.max(x);
        min_y = min_y.min(y);
        max_y = max_y.max(y);
    }
    let sx = if max_x > min_x { width / (max_x - min_x) } else { 1.0 };
    let sy = if max_y > min_y { height / (max_y - min_y) } else { 1.0 };
    pos.iter()
        .map(|&(x, y)| {
            let px = if max_x > min_x { (x - min_x) * sx } else { width / 2.0 };
            let py = if max_y > min_y { (y - min_y) * sy } else { height / 2.0 };
            (px, py)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::layout;

    fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
        ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
    }

    #[test]
    fn linked_nodes_end_closer_than_unlinked_ones_and_inside_the_box() {
        // Two triangles joined by one edge: within a triangle, nodes are nearer than across.
        let edges = [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)];
        let pos = layout(6, &edges, 800.0, 600.0);
        assert!(pos.iter().all(|&(x, y)| (0.0..=800.0).contains(&x) && (0.0..=600.0).contains(&y)));
        let within = distance(pos[0], pos[1]).max(distance(pos[4], pos[5]));
        let across = distance(pos[0], pos[5]);
        assert!(within < across, "within {within} across {across}");
        assert_eq!(pos, layout(6, &edges, 800.0, 600.0), "deterministic");
    }

    #[test]
    fn no_node_sits_on_another() {
        let pos = layout(40, &[], 800.0, 600.0);
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                assert!(distance(pos[i], pos[j]) > 20.0, "{i} and {j} overlap");
            }
        }
    }
}
