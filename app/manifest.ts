// The web app manifest (/manifest.webmanifest): name, colours and icons for "add to home screen".
// Next links it from every page's <head>.
import type { MetadataRoute } from 'next'

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Hearsay',
    short_name: 'Hearsay',
    description: 'Search every podcast transcript and land on the exact sentence.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    // The light palette's paper and accent (app/globals.css).
    background_color: '#fbfaf7',
    theme_color: '#0b5cad',
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: '/favicon.ico', sizes: '16x16 32x32 48x48', type: 'image/x-icon' },
    ],
  }
}
