package dev.broadsheet.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Writes a photo-like 4000 × 2667 JPEG (gradients, shapes and grain, so it compresses like a photo). */
public final class BenchPhoto {

    public static void main(String[] args) throws IOException {
        int width = 4000;
        int height = 2667;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 70, 120), width, height, new Color(220, 170, 90)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(42);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90));
            g.fillOval(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(600), 20 + random.nextInt(400));
        }
        g.dispose();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int grain = random.nextInt(17) - 8;
                int r = clamp((rgb >> 16 & 255) + grain);
                int gr = clamp((rgb >> 8 & 255) + grain);
                int b = clamp((rgb & 255) + grain);
                image.setRGB(x, y, r << 16 | gr << 8 | b);
            }
        }
        ImageIO.write(image, "jpeg", new File(args[0]));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
